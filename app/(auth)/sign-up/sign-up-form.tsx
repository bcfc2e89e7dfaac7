"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { signUpAction } from "./actions";
import { NameFields } from "@/components/forms/name-fields";

export function SignUpForm({ countries }: { countries: readonly Country[] }) {
  const [state, action] = useActionState(signUpAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <NameFields values={v} errors={e} />
      </div>
      <Field
        label="Email Address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={v.email}
        error={e.email}
      />
      <Field
        label="User ID"
        name="username"
        autoComplete="username"
        required
        hint="3 to 30 letters, digits, dots, dashes or underscores."
        defaultValue={v.username}
        error={e.username}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A few unrelated words make a strong password."
        error={e.password}
      />
      <Field
        label="Confirm Password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={e.confirmPassword}
      />
      <SelectField
        label="Country"
        name="country"
        required
        placeholder="Select your country"
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={v.country ?? ""}
        key={v.country ?? ""}
        error={e.country}
      />
      <SubmitButton>Create Account</SubmitButton>
    </form>
  );
}
