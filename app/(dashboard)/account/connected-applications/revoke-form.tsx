"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { revokeConnectionAction } from "./actions";

export function RevokeForm({ grantId, name }: { grantId: string; name: string }) {
  const [state, action] = useActionState(revokeConnectionAction, IDLE_STATE);
  return (
    <form action={action} aria-label={`Revoke ${name}`}>
      <FormMessage state={state} />
      <input type="hidden" name="grantId" value={grantId} />
      <SubmitButton variant="danger">Revoke</SubmitButton>
    </form>
  );
}
