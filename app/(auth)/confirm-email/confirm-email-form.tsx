"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { confirmEmailAction } from "./actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, confirm] = useActionState(confirmEmailAction, IDLE_STATE);
  return (
    <form action={confirm} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state.status === "success" ? null : <SubmitButton>Confirm Email Address</SubmitButton>}
    </form>
  );
}
