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
import { confirmStepUpAction, sendStepUpCodeAction } from "./actions";

/** Asks for a fresh code on one of the user's phones, then returns to `next`. */
export function StepUpForm({ phones, next }: { phones: PhoneChoice[]; next: string }) {
  const [sent, send] = useActionState(sendStepUpCodeAction, IDLE_STATE);
  const [checked, check] = useActionState(confirmStepUpAction, IDLE_STATE);
  const chosen = sent.values?.phoneId ?? phones.find((p) => p.isDefault)?.id ?? phones[0]?.id;
  return (
    <div className="space-y-4 rounded-md border border-slate-300 p-4">
      <form action={send} noValidate>
        <FormMessage state={sent} />
        <PhoneChoiceFieldset
          legend="Confirm it is you: choose a phone for a code"
          phones={phones}
          chosen={chosen}
          error={sent.fieldErrors?.phoneId}
        />
        <div className="mt-3">
          <SendCodeButtons isResend={sent.status === "success"} />
        </div>
      </form>
      {sent.status === "success" && sent.values?.expiresAt ? (
        <form action={check} noValidate className="max-w-xs">
          <FormMessage state={checked} />
          <input type="hidden" name="next" value={next} />
          <VerificationFields expiresAt={sent.values.expiresAt} error={checked.fieldErrors?.code} />
        </form>
      ) : null}
    </div>
  );
}
