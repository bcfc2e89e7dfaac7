"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/web/action";
import { FormMessage } from "./form-message";
import { IDLE_STATE } from "./idle-state";
import { SubmitButton } from "./submit-button";

/** A form that is one button: hidden fields, the action, and its refusal message above the button. */
export function ActionButtonForm({
  action,
  fields,
  label,
  variant,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
