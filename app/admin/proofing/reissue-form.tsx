"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { reissueCodeAction } from "./actions";

/** A lost or expired activation code, replaced after a re-check that goes to the audit log. */
export function ReissueCodeForm({ credentialId }: { credentialId: string }) {
  const [state, action] = useActionState(reissueCodeAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  const id = `recheck-${credentialId}`;
  return (
    <form action={action} noValidate aria-label="Issue a new activation code">
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <label htmlFor={id} className="block text-sm font-medium">
        Identity re-check (recorded in the audit log)
      </label>
      <textarea
        id={id}
        name="recheck"
        rows={2}
        defaultValue={state.values?.recheck}
        aria-invalid={state.fieldErrors?.recheck ? true : undefined}
        className="mb-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
      />
      {state.fieldErrors?.recheck ? (
        <p className="mb-2 text-sm text-red-700">{state.fieldErrors.recheck}</p>
      ) : null}
      <SubmitButton variant="secondary">Issue New Activation Code</SubmitButton>
    </form>
  );
}
