"use client";

import { PhoneCodeForm } from "@/components/forms/phone-code-form";
import type { PhoneChoice } from "@/components/forms/phone-code-fields";
import { confirmStepUpAction, sendStepUpCodeAction } from "./actions";

/** Asks for a fresh code on one of the user's phones, then returns to `next`. */
export function StepUpForm({ phones, next }: { phones: PhoneChoice[]; next: string }) {
  return (
    <div className="rounded-md border border-slate-300 p-4">
      <PhoneCodeForm
        phones={phones}
        legend="Confirm it is you: choose a phone for a code"
        sendAction={sendStepUpCodeAction}
        checkAction={confirmStepUpAction}
        hidden={{ next }}
      />
    </div>
  );
}
