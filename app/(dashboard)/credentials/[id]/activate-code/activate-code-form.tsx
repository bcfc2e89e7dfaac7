"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { activateCodeAction, checkCodeAction } from "./actions";

/** Step 4: the code, Continue (checked, not spent), then Activate (spent). */
export function ActivateCodeForm({ credentialId }: { credentialId: string }) {
  const [code, setCode] = useState("");
  const [checked, check] = useActionState(checkCodeAction, IDLE_STATE);
  const [activated, activate] = useActionState(activateCodeAction, IDLE_STATE);
  if (checked.status === "success") {
    return (
      <form action={activate}>
        <FormMessage state={activated.status === "error" ? activated : checked} />
        <input type="hidden" name="credentialId" value={credentialId} />
        <input type="hidden" name="code" value={code} />
        <p className="mb-4 text-sm text-slate-700">Click Activate to complete the credential activation.</p>
        <SubmitButton>Activate</SubmitButton>
      </form>
    );
  }
  return (
    <form action={check} noValidate>
      <FormMessage state={checked} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <Field
        label="Activation Code"
        name="code"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        hint="The code the proofing agent gave you, for example 7K3Q-M9T2-BX4W-0RZ5."
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={checked.fieldErrors?.code}
      />
      <SubmitButton>Continue</SubmitButton>
    </form>
  );
}
