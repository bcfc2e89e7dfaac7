"use client";

import { CodeCountdown } from "./code-countdown";
import { SubmitButton } from "./submit-button";
import { Field } from "@/components/ui/field";

export type PhoneChoice = { id: string; label: string; isDefault: boolean };

/** The registered phones to send a code to, masked, as radio buttons. */
export function PhoneChoiceFieldset({
  legend,
  phones,
  chosen,
  error,
}: {
  legend: string;
  phones: PhoneChoice[];
  chosen?: string;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? "phone-error" : undefined}>
      <legend className="mb-2 font-semibold">{legend}</legend>
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
      {error ? (
        <p id="phone-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The guide's two delivery choices, as the submit buttons of the send form. */
export function SendCodeButtons({ isResend }: { isResend: boolean }) {
  return (
    <div className="flex flex-wrap gap-3">
      <SubmitButton
        name="channel"
        value="SMS"
        variant={isResend ? "secondary" : "primary"}
        pendingText="Sending…"
      >
        Send Text
      </SubmitButton>
      <SubmitButton name="channel" value="VOICE" variant="secondary" pendingText="Calling…">
        Send Voice
      </SubmitButton>
    </div>
  );
}

/** The Verification field, the code's countdown and Next. */
export function VerificationFields({
  expiresAt,
  error,
  hint,
}: {
  expiresAt: string;
  error?: string;
  hint?: string;
}) {
  return (
    <>
      <Field
        label="Verification"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        hint={hint}
        error={error}
      />
      <CodeCountdown expiresAt={expiresAt} key={expiresAt} />
      <div className="mt-4">
        <SubmitButton>Next</SubmitButton>
      </div>
    </>
  );
}
