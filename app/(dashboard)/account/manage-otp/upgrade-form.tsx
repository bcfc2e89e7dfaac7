"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { startUpgradeAction } from "./actions";

export function UpgradeForm({ productId }: { productId: string }) {
  const [state, action] = useActionState(startUpgradeAction, IDLE_STATE);
  const error = state.fieldErrors?.understand;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="productId" value={productId} />
      <label className="mb-1 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="understand"
          className="mt-1"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "understand-error" : undefined}
        />
        I understand the requirements of the proofing upgrade, including that I must complete identity
        proofing.
      </label>
      {error ? (
        <p id="understand-error" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <SubmitButton>Upgrade</SubmitButton>
    </form>
  );
}
