"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
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
    const text = `MAG recovery codes (each works once)\n\n${codes.join("\n")}\n`;
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <ol aria-label="Recovery codes" className="grid max-w-md grid-cols-2 gap-2 font-mono">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <div className="flex gap-4 print:hidden">
          <a
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
            download="mag-recovery-codes.txt"
            className="text-brand-700 font-semibold underline"
          >
            Download
          </a>
          <button
            type="button"
            onClick={() => window.print()}
            className="text-brand-700 font-semibold underline"
          >
            Print
          </button>
        </div>
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
