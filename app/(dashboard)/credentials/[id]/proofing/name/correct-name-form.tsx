"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { correctNameAction } from "../actions";
import { NameFields } from "@/components/forms/name-fields";

export function CorrectNameForm({
  credentialId,
  firstName,
  lastName,
}: {
  credentialId: string;
  firstName: string;
  lastName: string;
}) {
  const [state, action] = useActionState(correctNameAction, IDLE_STATE);
  return (
    <form action={action} noValidate aria-label="Correct your name">
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <NameFields
          values={{
            firstName: state.values?.firstName ?? firstName,
            lastName: state.values?.lastName ?? lastName,
          }}
          errors={{ firstName: state.fieldErrors?.firstName, lastName: state.fieldErrors?.lastName }}
        />
      </div>
      <SubmitButton>Save Name</SubmitButton>
    </form>
  );
}
