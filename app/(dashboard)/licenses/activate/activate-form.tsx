"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { activateLicenseKeyAction } from "./actions";

/** The License Key field and Submit; with `licenseKey` set, a one-click Activate for the store's confirmation. */
export function ActivateForm({ licenseKey }: { licenseKey?: string }) {
  const [state, action] = useActionState(activateLicenseKeyAction, IDLE_STATE);
  if (licenseKey) {
    return (
      <form action={action}>
        <FormMessage state={state} />
        <input type="hidden" name="licenseKey" value={licenseKey} />
        <SubmitButton>Activate</SubmitButton>
      </form>
    );
  }
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      <Field
        label="License Key"
        name="licenseKey"
        autoComplete="off"
        spellCheck={false}
        required
        hint="25 characters, as in your purchase confirmation email, e.g. ABCDE-FGHJK-MNPQR-STVWX-YZ012."
        defaultValue={state.values?.licenseKey}
        error={state.fieldErrors?.licenseKey}
      />
      <SubmitButton>Submit</SubmitButton>
    </form>
  );
}
