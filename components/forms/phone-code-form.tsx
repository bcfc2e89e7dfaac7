"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/web/action";
import { FormMessage } from "./form-message";
import { IDLE_STATE } from "./idle-state";
import {
  PhoneChoiceFieldset,
  SendCodeButtons,
  VerificationFields,
  type PhoneChoice,
} from "./phone-code-fields";

type FormAction = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * Choose one of the user's phones, get a code by text or call, enter it: the sign-in's phone step and the
 * step-up (Confirm it's you) alike. `hidden` fields go with the code (where to return to).
 */
export function PhoneCodeForm({
  phones,
  legend,
  sendAction,
  checkAction,
  hidden = {},
  hint,
}: {
  phones: PhoneChoice[];
  legend: string;
  sendAction: FormAction;
  checkAction: FormAction;
  hidden?: Record<string, string>;
  hint?: string;
}) {
  const [sent, send] = useActionState(sendAction, IDLE_STATE);
  const [checked, check] = useActionState(checkAction, IDLE_STATE);
  const chosen = sent.values?.phoneId ?? phones.find((p) => p.isDefault)?.id ?? phones[0]?.id;
  return (
    <div className="space-y-4">
      <form action={send} noValidate>
        <FormMessage state={sent} />
        <PhoneChoiceFieldset
          legend={legend}
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
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <VerificationFields
            expiresAt={sent.values.expiresAt}
            error={checked.fieldErrors?.code}
            hint={hint}
          />
        </form>
      ) : null}
    </div>
  );
}
