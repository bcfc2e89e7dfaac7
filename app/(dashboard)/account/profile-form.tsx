"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { updateProfileAction } from "./actions";

type Values = { firstName: string; lastName: string; country: string };

export function ProfileForm({ initial, countries }: { initial: Values; countries: readonly Country[] }) {
  const [state, action] = useActionState(updateProfileAction, { status: "idle", values: initial });
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      <Field
        label="First Name"
        name="firstName"
        autoComplete="given-name"
        required
        defaultValue={v.firstName}
        error={e.firstName}
      />
      <Field
        label="Last Name"
        name="lastName"
        autoComplete="family-name"
        required
        defaultValue={v.lastName}
        error={e.lastName}
      />
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
