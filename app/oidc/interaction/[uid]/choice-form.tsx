"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/web/action";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
export type Choice = { label: string; action: FormAction };

/**
 * The two answers a provider step offers (Allow / Deny, Get 2FA / Cancel, Continue as … / Use another
 * account): each its own form posting the interaction id, the first one the primary button.
 */
export function ChoiceForm({ uid, primary, secondary }: { uid: string; primary: Choice; secondary: Choice }) {
  const [primaryState, primaryAction] = useActionState(primary.action, IDLE_STATE);
  const [secondaryState, secondaryAction] = useActionState(secondary.action, IDLE_STATE);
  return (
    <div className="flex flex-wrap gap-3">
      <form action={primaryAction}>
        <FormMessage state={primaryState} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton>{primary.label}</SubmitButton>
      </form>
      <form action={secondaryAction}>
        <FormMessage state={secondaryState} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton variant="secondary">{secondary.label}</SubmitButton>
      </form>
    </div>
  );
}
