"use client";

import { useActionState } from "react";
import { CodeCountdown } from "@/components/forms/code-countdown";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { sendSignInCodeAction, verifySignInCodeAction } from "./actions";

export function VerifyForm({ phones }: { phones: { id: string; label: string; isDefault: boolean }[] }) {
  const [sent, send] = useActionState(sendSignInCodeAction, IDLE_STATE);
  const [checked, check] = useActionState(verifySignInCodeAction, IDLE_STATE);
  const chosen = sent.values?.phoneId ?? phones.find((p) => p.isDefault)?.id ?? phones[0]?.id;
  return (
    <div className="space-y-6">
      <form action={send} noValidate>
        <FormMessage state={sent} />
        <fieldset aria-describedby={sent.fieldErrors?.phoneId ? "phone-error" : undefined}>
          <legend className="mb-2 font-semibold">Choose the phone to receive your code</legend>
          <ul className="space-y-2">
            {phones.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2">
                  <input type="radio" name="phoneId" value={p.id} defaultChecked={p.id === chosen} />
                  <span className="font-mono">{p.label}</span>
                  {p.isDefault ? <span className="text-xs text-slate-600">(default)</span> : null}
                </label>
              </li>
            ))}
          </ul>
          {sent.fieldErrors?.phoneId ? (
            <p id="phone-error" className="mt-1 text-sm text-red-700">
              {sent.fieldErrors.phoneId}
            </p>
          ) : null}
        </fieldset>
        <div className="mt-4 flex flex-wrap gap-3">
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
            hint="The 6-digit code we sent."
            error={checked.fieldErrors?.code}
          />
          <CodeCountdown expiresAt={sent.values.expiresAt} key={sent.values.expiresAt} />
          <div className="mt-4">
            <SubmitButton>Next</SubmitButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
