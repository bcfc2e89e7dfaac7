"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SendCodeButtons, VerificationFields } from "@/components/forms/phone-code-fields";
import { Field, SelectField } from "@/components/ui/field";
import { RecoveryCodeList } from "./recovery-code-list";
import type { FormState } from "@/lib/web/action";

type FormAction = (state: FormState, data: FormData) => Promise<FormState>;

/** A new phone: its number typed twice, Send Text or Send Voice, then the code it received. */
export function NewPhoneForm({
  sendAction,
  confirmAction,
  hidden,
  countries,
  defaultCountry,
}: {
  sendAction: FormAction;
  confirmAction: FormAction;
  /** Fields both forms pass on (the credential, the page to return to). */
  hidden: Record<string, string>;
  countries: { value: string; label: string }[];
  defaultCountry: string;
}) {
  const [sent, send] = useActionState(sendAction, IDLE_STATE);
  const [confirmed, confirm] = useActionState(confirmAction, IDLE_STATE);
  // The first phone's recovery codes, shown once before the user moves on.
  if (confirmed.status === "success" && confirmed.shownOnce?.length) {
    return (
      <div className="space-y-4">
        <FormMessage state={confirmed} />
        <RecoveryCodeList codes={confirmed.shownOnce} />
        <Link
          href={confirmed.values?.next ?? "/dashboard"}
          className="text-brand-700 inline-block font-semibold underline"
        >
          I saved my recovery codes — Continue
        </Link>
      </div>
    );
  }
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  const v = sent.values ?? {};
  const e = sent.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <form action={send} noValidate className="max-w-md">
        <FormMessage state={sent} />
        {hiddenInputs}
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
          {hiddenInputs}
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
