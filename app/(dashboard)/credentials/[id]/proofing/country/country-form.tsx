"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { selectCountryAction } from "../actions";

export function CountryForm({
  credentialId,
  countries,
  initial,
}: {
  credentialId: string;
  countries: readonly Country[];
  initial: string;
}) {
  const [state, action] = useActionState(selectCountryAction, IDLE_STATE);
  const value = state.values?.country ?? initial;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <SelectField
        label="Proofing Country"
        name="country"
        required
        placeholder="Select the country"
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={value}
        key={value}
        error={state.fieldErrors?.country}
      />
      <SubmitButton>Next</SubmitButton>
    </form>
  );
}
