"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import {
  PhoneChoiceFieldset,
  SendCodeButtons,
  VerificationFields,
  type PhoneChoice,
} from "@/components/forms/phone-code-fields";
import { sendSignInCodeAction, verifySignInCodeAction } from "./actions";

export function VerifyForm({ phones }: { phones: PhoneChoice[] }) {
  const [sent, send] = useActionState(sendSignInCodeAction, IDLE_STATE);
  const [checked, check] = useActionState(verifySignInCodeAction, IDLE_STATE);
  const chosen = sent.values?.phoneId ?? phones.find((p) => p.isDefault)?.id ?? phones[0]?.id;
  return (
    <div className="space-y-6">
      <form action={send} noValidate>
        <FormMessage state={sent} />
        <PhoneChoiceFieldset
          legend="Choose the phone to receive your code"
          phones={phones}
          chosen={chosen}
          error={sent.fieldErrors?.phoneId}
        />
        <div className="mt-4">
          <SendCodeButtons isResend={sent.status === "success"} />
        </div>
      </form>
      {sent.status === "success" && sent.values?.expiresAt ? (
        <form action={check} noValidate className="max-w-xs">
          <FormMessage state={checked} />
          <VerificationFields
            expiresAt={sent.values.expiresAt}
            error={checked.fieldErrors?.code}
            hint="The 6-digit code we sent."
          />
        </form>
      ) : null}
    </div>
  );
}
