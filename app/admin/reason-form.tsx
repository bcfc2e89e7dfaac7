"use client";

import { useActionState, useId, type ReactNode } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/web/action";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** The button's wording, also the form's accessible name. */
  label: string;
  /** What the confirmation checkbox says the staff member checked. */
  confirm: string;
  hidden: Record<string, string>;
  variant?: "secondary" | "danger";
  /** Fields of the action itself (a role, a session), above the reason. */
  children?: ReactNode;
  /** A required choice of the action, above the reason, with its own error (how support checked identity). */
  choice?: { name: string; label: string; placeholder: string; options: { value: string; label: string }[] };
};

/** A staff action on someone's account: a reason (written to the audit log) and a confirmation tick. */
export function ReasonForm({
  action,
  label,
  confirm,
  hidden,
  variant = "secondary",
  children,
  choice,
}: Props) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  const id = useId();
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={formAction} noValidate aria-label={label} className="max-w-md space-y-1">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {choice ? (
        <SelectField
          {...choice}
          id={`${id}-${choice.name}`}
          defaultValue={state.values?.[choice.name]}
          error={state.fieldErrors?.[choice.name]}
        />
      ) : null}
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
        Reason for {label}
      </label>
      <input
        id={`${id}-reason`}
        name="reason"
        defaultValue={state.values?.reason}
        aria-invalid={state.fieldErrors?.reason ? true : undefined}
        aria-describedby={state.fieldErrors?.reason ? `${id}-reason-error` : undefined}
        className="block w-full rounded-md border border-slate-400 px-3 py-1 text-sm"
      />
      {state.fieldErrors?.reason ? (
        <p id={`${id}-reason-error`} className="text-sm text-red-700">
          {state.fieldErrors.reason}
        </p>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" />
        {confirm}
      </label>
      {state.fieldErrors?.confirm ? (
        <p className="text-sm text-red-700">{state.fieldErrors.confirm}</p>
      ) : null}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
