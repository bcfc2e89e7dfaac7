"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { startCaptureAction } from "../actions";

export function StartCaptureForm({ token }: { token: string }) {
  const [state, action] = useActionState(startCaptureAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Let’s get started</SubmitButton>
    </form>
  );
}
