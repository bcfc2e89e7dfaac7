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
import { SubmitButton } from "@/components/forms/submit-button";
import {
  confirmStepUpAction,
  removePhoneAction,
  sendStepUpCodeAction,
  setDefaultPhoneAction,
} from "./actions";

export function PhoneRowActions({
  phoneId,
  isDefault,
  canRemove,
}: {
  phoneId: string;
  isDefault: boolean;
  canRemove: boolean;
}) {
  const [removed, remove] = useActionState(removePhoneAction, IDLE_STATE);
  const [made, makeDefault] = useActionState(setDefaultPhoneAction, IDLE_STATE);
  return (
    <div className="flex flex-wrap items-start gap-2">
      {!isDefault ? (
        <form action={makeDefault}>
          <FormMessage state={made} />
          <input type="hidden" name="phoneId" value={phoneId} />
          <SubmitButton variant="secondary">Make Default</SubmitButton>
        </form>
      ) : null}
      {canRemove ? (
        <form action={remove}>
          <FormMessage state={removed} />
          <input type="hidden" name="phoneId" value={phoneId} />
          <SubmitButton variant="danger">Remove</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

/** Asks for a fresh code before phone numbers can change. */
export function StepUpForm({ phones }: { phones: PhoneChoice[] }) {
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
          <VerificationFields expiresAt={sent.values.expiresAt} error={checked.fieldErrors?.code} />
        </form>
      ) : null}
    </div>
  );
}
