"use client";

import { PhoneCodeForm } from "@/components/forms/phone-code-form";
import type { PhoneChoice } from "@/components/forms/phone-code-fields";
import { sendSignInCodeAction, verifySignInCodeAction } from "./actions";

export function VerifyForm({ phones, next }: { phones: PhoneChoice[]; next?: string }) {
  return (
    <PhoneCodeForm
      phones={phones}
      legend="Choose the phone to receive your code"
      sendAction={sendSignInCodeAction}
      checkAction={verifySignInCodeAction}
      hint="The 6-digit code we sent."
      hidden={next ? { next } : {}}
    />
  );
}
