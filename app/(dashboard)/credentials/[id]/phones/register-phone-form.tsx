"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SendCodeButtons, VerificationFields } from "@/components/forms/phone-code-fields";
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
          <SendCodeButtons isResend={sent.status === "success"} />
        </fieldset>
      </form>
      {sent.status === "success" && v.expiresAt ? (
        <form action={confirm} noValidate className="max-w-xs">
          <FormMessage state={confirmed} />
          <input type="hidden" name="credentialId" value={credentialId} />
          <VerificationFields
            expiresAt={v.expiresAt}
            error={confirmed.fieldErrors?.code}
            hint="Enter the 6-digit code you received on your phone."
          />
        </form>
      ) : null}
    </div>
  );
}
