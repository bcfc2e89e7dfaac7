"use client";

import { useActionState } from "react";
import { CodeCountdown } from "@/components/forms/code-countdown";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import { confirmPhoneAction, sendPhoneCodeAction } from "./actions";

export function RegisterPhoneForm({
  credentialId,
  countries,
  defaultCountry,
}: {
  credentialId: string;
  countries: { value: string; label: string }[];
  defaultCountry: string;
}) {
  const [sent, send] = useActionState(sendPhoneCodeAction, IDLE_STATE);
  const [confirmed, confirm] = useActionState(confirmPhoneAction, IDLE_STATE);
  const v = sent.values ?? {};
  const e = sent.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <form action={send} noValidate className="max-w-md">
        <FormMessage state={sent} />
        <input type="hidden" name="credentialId" value={credentialId} />
        <SelectField
          label="Country"
          name="country"
          options={countries}
          defaultValue={v.country ?? defaultCountry}
          key={v.country ?? defaultCountry}
          error={e.country}
        />
        <Field
          label="Phone Number"
          name="phone"
          type="tel"
          autoComplete="tel-national"
          inputMode="tel"
          required
          hint="Digits only; parentheses, dashes and spaces are ignored."
          defaultValue={v.phone}
          error={e.phone}
        />
        <Field
          label="Confirm Phone Number"
          name="phoneConfirm"
          type="tel"
          autoComplete="off"
          inputMode="tel"
          required
          defaultValue={v.phoneConfirm}
          error={e.phoneConfirm}
        />
        <fieldset aria-describedby={e.channel ? "channel-error" : undefined}>
          <legend className="mb-2 text-sm font-medium">Receive your verification code by</legend>
          {e.channel ? (
            <p id="channel-error" className="mb-2 text-sm text-red-700">
              {e.channel}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <SubmitButton
              name="channel"
              value="SMS"
              variant={sent.status === "success" ? "secondary" : "primary"}
            >
              Send Text
            </SubmitButton>
            <SubmitButton name="channel" value="VOICE" variant="secondary">
              Send Voice
            </SubmitButton>
          </div>
        </fieldset>
      </form>
      {sent.status === "success" && v.expiresAt ? (
        <form action={confirm} noValidate className="max-w-xs">
          <FormMessage state={confirmed} />
          <input type="hidden" name="credentialId" value={credentialId} />
          <Field
            label="Verification"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            hint="Enter the 6-digit code you received on your phone."
            error={confirmed.fieldErrors?.code}
          />
          <CodeCountdown expiresAt={v.expiresAt} key={v.expiresAt} />
          <div className="mt-4">
            <SubmitButton>Next</SubmitButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
