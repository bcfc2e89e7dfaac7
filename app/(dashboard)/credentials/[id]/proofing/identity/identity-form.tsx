"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import type { IdentityEvidence } from "@/lib/proofing/proofing";
import { submitIdentityAction } from "../actions";
import { StreetAddressFields } from "@/components/forms/street-address-fields";
import { NameFields } from "@/components/forms/name-fields";

export function IdentityForm({
  credentialId,
  initial,
  states,
  ssnLast4,
}: {
  credentialId: string;
  initial: IdentityEvidence;
  states: readonly string[];
  ssnLast4: string | null;
}) {
  const [state, action] = useActionState(submitIdentityAction, IDLE_STATE);
  const v: Record<string, string> = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <fieldset className="mb-4">
        <legend className="mb-3 text-lg font-semibold">Legal name</legend>
        <div className="grid gap-x-4 sm:grid-cols-3">
          <NameFields values={v} errors={e} withMiddleName />
        </div>
      </fieldset>
      <Field
        label="Date of Birth"
        name="birthDate"
        type="date"
        autoComplete="bday"
        required
        hint="You must be 18 or older."
        defaultValue={v.birthDate}
        error={e.birthDate}
      />
      <fieldset className="mb-4">
        <legend className="mb-3 text-lg font-semibold">Home address</legend>
        <StreetAddressFields values={v} errors={e} />
        <div className="grid gap-x-4 sm:grid-cols-3">
          <Field
            label="City"
            name="city"
            autoComplete="address-level2"
            required
            defaultValue={v.city}
            error={e.city}
          />
          <SelectField
            label="State"
            name="state"
            required
            placeholder="Select"
            options={states.map((s) => ({ value: s, label: s }))}
            defaultValue={v.state}
            key={v.state}
            error={e.state}
          />
          <Field
            label="ZIP Code"
            name="postalCode"
            autoComplete="postal-code"
            inputMode="numeric"
            required
            defaultValue={v.postalCode}
            error={e.postalCode}
          />
        </div>
      </fieldset>
      <Field
        label="Social Security Number"
        name="ssn"
        inputMode="numeric"
        autoComplete="off"
        required
        hint={
          ssnLast4
            ? `All nine digits. You entered one ending in ${ssnLast4}; enter it again to continue.`
            : "All nine digits, for example 123-45-6789."
        }
        error={e.ssn}
      />
      <SubmitButton>Next</SubmitButton>
    </form>
  );
}
