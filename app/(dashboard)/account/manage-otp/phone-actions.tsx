"use client";

import { useActionState } from "react";
import { CodeCountdown } from "@/components/forms/code-countdown";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
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
export function StepUpForm({ phones }: { phones: { id: string; label: string; isDefault: boolean }[] }) {
  const [sent, send] = useActionState(sendStepUpCodeAction, IDLE_STATE);
  const [checked, check] = useActionState(confirmStepUpAction, IDLE_STATE);
  const chosen = sent.values?.phoneId ?? phones.find((p) => p.isDefault)?.id ?? phones[0]?.id;
  return (
    <div className="space-y-4 rounded-md border border-slate-300 p-4">
      <form action={send} noValidate>
        <FormMessage state={sent} />
        <fieldset>
          <legend className="mb-2 font-semibold">Confirm it is you: choose a phone for a code</legend>
          <ul className="space-y-1">
            {phones.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2">
                  <input type="radio" name="phoneId" value={p.id} defaultChecked={p.id === chosen} />
                  <span className="font-mono">{p.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="mt-3 flex flex-wrap gap-3">
          <SubmitButton name="channel" value="SMS">
            Send Text
          </SubmitButton>
          <SubmitButton name="channel" value="VOICE" variant="secondary">
            Send Voice
          </SubmitButton>
        </div>
      </form>
      {sent.status === "success" && sent.values?.expiresAt ? (
        <form action={check} noValidate className="max-w-xs">
          <FormMessage state={checked} />
          <Field
            label="Verification"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            error={checked.fieldErrors?.code}
          />
          <CodeCountdown expiresAt={sent.values.expiresAt} key={sent.values.expiresAt} />
          <div className="mt-3">
            <SubmitButton>Next</SubmitButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
