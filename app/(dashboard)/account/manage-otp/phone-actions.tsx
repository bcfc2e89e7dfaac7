"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { removePhoneAction, setDefaultPhoneAction } from "./actions";

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
