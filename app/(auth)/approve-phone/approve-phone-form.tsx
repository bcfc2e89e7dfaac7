"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { approvePhoneAction } from "./actions";

export function ApprovePhoneForm({ token }: { token: string }) {
  const [state, approve] = useActionState(approvePhoneAction, IDLE_STATE);
  return (
    <form action={approve} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.status === "success" ? null : <SubmitButton>Allow one code</SubmitButton>}
    </form>
  );
}
