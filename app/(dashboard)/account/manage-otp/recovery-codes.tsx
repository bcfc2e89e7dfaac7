"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { RecoveryCodeList } from "@/components/forms/recovery-code-list";
import { SubmitButton } from "@/components/forms/submit-button";
import { generateRecoveryCodesAction } from "./actions";

/**
 * Generate (New) Recovery Codes: the codes are shown once, here, with Download and Print; the page never
 * shows them again.
 */
export function RecoveryCodesForm({ hasCodes }: { hasCodes: boolean }) {
  const [state, action] = useActionState(generateRecoveryCodesAction, IDLE_STATE);
  const codes = state.status === "success" ? (state.shownOnce ?? []) : [];
  if (codes.length > 0) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <RecoveryCodeList codes={codes} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {hasCodes ? (
        <p className="text-sm text-slate-700">A new set replaces your current codes: those stop working.</p>
      ) : null}
      <SubmitButton>{hasCodes ? "Generate New Recovery Codes" : "Generate Recovery Codes"}</SubmitButton>
    </form>
  );
}
