"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { undoEmailChangeAction } from "./actions";

export function UndoEmailChangeForm({ token }: { token: string }) {
  const [state, undo] = useActionState(undoEmailChangeAction, IDLE_STATE);
  return (
    <form action={undo} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Undo Email Change</SubmitButton>
    </form>
  );
}
