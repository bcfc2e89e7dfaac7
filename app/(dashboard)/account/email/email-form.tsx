"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { changeEmailAction } from "./actions";

export function EmailForm() {
  const [state, action] = useActionState(changeEmailAction, IDLE_STATE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      <Field
        label="New Email Address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.status === "success" ? "" : state.values?.email}
        error={e.email}
      />
      <Field
        label="Current Password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={e.currentPassword}
      />
      <SubmitButton pendingText="Sending…">Change Email Address</SubmitButton>
    </form>
  );
}
