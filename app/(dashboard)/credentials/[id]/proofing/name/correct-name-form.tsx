"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { correctNameAction } from "../actions";

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
        <Field
          label="First Name"
          name="firstName"
          autoComplete="given-name"
          required
          defaultValue={state.values?.firstName ?? firstName}
          error={state.fieldErrors?.firstName}
        />
        <Field
          label="Last Name"
          name="lastName"
          autoComplete="family-name"
          required
          defaultValue={state.values?.lastName ?? lastName}
          error={state.fieldErrors?.lastName}
        />
      </div>
      <SubmitButton>Save Name</SubmitButton>
    </form>
  );
}
