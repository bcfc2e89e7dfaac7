"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { updateProfileAction } from "./actions";
import { NameFields } from "@/components/forms/name-fields";

type Values = { firstName: string; lastName: string; country: string };

export function ProfileForm({ initial, countries }: { initial: Values; countries: readonly Country[] }) {
  const [state, action] = useActionState(updateProfileAction, { status: "idle", values: initial });
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      <NameFields values={v} errors={e} />
      <SelectField
        label="Country"
        name="country"
        required
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={v.country}
        key={v.country}
        error={e.country}
      />
      <SubmitButton>Save Profile</SubmitButton>
    </form>
  );
}
