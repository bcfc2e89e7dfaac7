"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { bookAppointmentAction } from "../actions";

export function DetailsForm({
  credentialId,
  timeZone,
  email,
  documents,
}: {
  credentialId: string;
  timeZone: string;
  email: string;
  documents: { key: string; label: string }[];
}) {
  const [state, action] = useActionState(bookAppointmentAction, IDLE_STATE);
  const v = state.values ?? {};
  const docsError = state.fieldErrors?.documents;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <Field
        label="Phone Number"
        name="phone"
        type="tel"
        autoComplete="tel"
        required
        hint="Where the agent can call you if the video does not work."
        defaultValue={v.phone}
        error={state.fieldErrors?.phone}
      />
      <Field
        label="Email Address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={v.email ?? email}
        error={state.fieldErrors?.email}
      />
      <fieldset className="mb-4" aria-describedby={docsError ? "documents-error" : undefined}>
        <legend className="mb-2 font-medium">Identity documents you will present</legend>
        {documents.map((d) => (
          <label key={d.key} className="mb-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={`document.${d.key}`}
              value="on"
              defaultChecked={v[`document.${d.key}`] === "on"}
            />
            {d.label}
          </label>
        ))}
        {docsError ? (
          <p id="documents-error" className="text-sm text-red-700">
            {docsError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton>Confirm</SubmitButton>
    </form>
  );
}
