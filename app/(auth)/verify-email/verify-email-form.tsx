"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { verifyEmailAction } from "./actions";

// Verification takes a click, not just a GET, so link scanners in mail systems cannot spend the link.
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(verifyEmailAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Verify Email Address</SubmitButton>
    </form>
  );
}
