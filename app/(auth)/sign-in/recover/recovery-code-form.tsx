"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { recoveryCodeSignInAction } from "./actions";

export function RecoveryCodeForm({ next }: { next?: string }) {
  const [state, action] = useActionState(recoveryCodeSignInAction, IDLE_STATE);
  return (
    <form action={action} noValidate className="max-w-sm">
      <FormMessage state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        label="Recovery Code"
        name="code"
        autoComplete="off"
        spellCheck={false}
        required
        hint="One of the 10 codes you downloaded or printed, such as 7KQ2-M9XD-4TBW-H3PA."
        error={state.fieldErrors?.code}
      />
      <SubmitButton>Use Recovery Code</SubmitButton>
    </form>
  );
}
