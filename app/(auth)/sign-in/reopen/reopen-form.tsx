"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { reopenAccountAction } from "./actions";

export function ReopenForm() {
  const [state, reopen] = useActionState(reopenAccountAction, IDLE_STATE);
  return (
    <form action={reopen} className="space-y-4">
      <FormMessage state={state} />
      <SubmitButton>Reopen My Account</SubmitButton>
    </form>
  );
}
