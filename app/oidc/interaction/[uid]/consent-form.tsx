"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { allowAction, denyAction } from "./actions";

export function ConsentForm({ uid }: { uid: string }) {
  const [allowed, allow] = useActionState(allowAction, IDLE_STATE);
  const [denied, deny] = useActionState(denyAction, IDLE_STATE);
  return (
    <div className="flex flex-wrap gap-3">
      <form action={allow}>
        <FormMessage state={allowed} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton>Allow</SubmitButton>
      </form>
      <form action={deny}>
        <FormMessage state={denied} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton variant="secondary">Deny</SubmitButton>
      </form>
    </div>
  );
}
