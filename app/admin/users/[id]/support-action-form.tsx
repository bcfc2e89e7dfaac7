"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { liftOtpLockoutAction, resetPhonesAction } from "./actions";

const ACTIONS = {
  lift: { action: liftOtpLockoutAction, label: "Lift OTP Lockout", confirm: "I checked who is asking." },
  reset: {
    action: resetPhonesAction,
    label: "Reset Phones",
    confirm: "I checked who is asking; all of this user's phones will be removed.",
  },
} as const;

/** A support action that needs a reason (written to the audit log) and a confirmation tick. */
export function SupportActionForm({ userId, kind }: { userId: string; kind: keyof typeof ACTIONS }) {
  const { action, label, confirm } = ACTIONS[kind];
  const [state, formAction] = useActionState(action, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  const id = `${kind}-${userId}`;
  return (
    <form action={formAction} noValidate aria-label={label} className="max-w-md">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
        Reason for {label}
      </label>
      <input
        id={`${id}-reason`}
        name="reason"
        defaultValue={state.values?.reason}
        aria-invalid={state.fieldErrors?.reason ? true : undefined}
        className="mb-1 block w-full rounded-md border border-slate-400 px-3 py-1 text-sm"
      />
      {state.fieldErrors?.reason ? <p className="text-sm text-red-700">{state.fieldErrors.reason}</p> : null}
      <label className="my-1 flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" />
        {confirm}
      </label>
      {state.fieldErrors?.confirm ? (
        <p className="text-sm text-red-700">{state.fieldErrors.confirm}</p>
      ) : null}
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </form>
  );
}
