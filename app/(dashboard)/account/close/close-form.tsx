"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { closeAccountAction } from "./actions";

export function CloseAccountForm() {
  const [state, action] = useActionState(closeAccountAction, IDLE_STATE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      <Field
        label="Current Password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={e.currentPassword}
      />
      <label className="mb-1 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="understood"
          className="mt-1"
          aria-invalid={e.understood ? true : undefined}
          aria-describedby={e.understood ? "understood-error" : undefined}
        />
        I understand that my credentials are revoked now and my personal data is erased in 30 days.
      </label>
      {e.understood ? (
        <p id="understood-error" className="mb-2 text-sm text-red-700">
          {e.understood}
        </p>
      ) : null}
      <div className="mt-4">
        <SubmitButton variant="danger" pendingText="Closing…">
          Close My Account
        </SubmitButton>
      </div>
    </form>
  );
}
