"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { continueAsAction, useAnotherAccountAction } from "./actions";

/** prompt=select_account: go on as the account signed in here, or sign in as someone else. */
export function SelectAccountForm({ uid, name }: { uid: string; name: string }) {
  const [continued, continueAs] = useActionState(continueAsAction, IDLE_STATE);
  const [switched, useAnother] = useActionState(useAnotherAccountAction, IDLE_STATE);
  return (
    <div className="flex flex-wrap gap-3">
      <form action={continueAs}>
        <FormMessage state={continued} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton>{`Continue as ${name}`}</SubmitButton>
      </form>
      <form action={useAnother}>
        <FormMessage state={switched} />
        <input type="hidden" name="uid" value={uid} />
        <SubmitButton variant="secondary">Use another account</SubmitButton>
      </form>
    </div>
  );
}
