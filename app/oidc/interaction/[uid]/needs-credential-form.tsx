"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { cancelWithoutCredentialAction, getCredentialAction } from "./actions";

/** Get 2FA (the store, then back to the partner) or Cancel (the partner is told no). */
export function NeedsCredentialForm({ uid }: { uid: string }) {
  const [detour, getCredential] = useActionState(getCredentialAction, IDLE_STATE);
  const [cancelled, cancel] = useActionState(cancelWithoutCredentialAction, IDLE_STATE);
  return (
    <div className="flex flex-wrap gap-3">
      <form action={getCredential}>
        <FormMessage state={detour} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton>Get 2FA</SubmitButton>
      </form>
      <form action={cancel}>
        <FormMessage state={cancelled} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton variant="secondary">Cancel</SubmitButton>
      </form>
    </div>
  );
}
