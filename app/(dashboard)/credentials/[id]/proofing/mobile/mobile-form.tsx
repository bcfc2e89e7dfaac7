"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { submitMobileAction } from "../actions";

export function MobileForm({ credentialId }: { credentialId: string }) {
  const [state, action] = useActionState(submitMobileAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <Field
        label="Mobile Number"
        name="mobile"
        type="tel"
        autoComplete="tel-national"
        required
        hint="A US mobile number that can receive text messages; the proofing link goes there."
        defaultValue={state.values?.mobile}
        error={state.fieldErrors?.mobile}
      />
      <SubmitButton>Next</SubmitButton>
    </form>
  );
}
