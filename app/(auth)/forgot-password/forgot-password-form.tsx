"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field
        label="Email Address or User ID"
        name="login"
        autoComplete="username"
        required
        defaultValue={state.values?.login}
        error={state.fieldErrors?.login}
      />
      <SubmitButton>Send Reset Link</SubmitButton>
    </form>
  );
}
