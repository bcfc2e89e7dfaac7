"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { pickSlotAction } from "../actions";

export type SlotDay = { day: string; label: string; slots: { value: string; label: string }[] };

export function SlotForm({
  credentialId,
  timeZone,
  days,
  selected,
}: {
  credentialId: string;
  timeZone: string;
  days: SlotDay[];
  selected: string | null;
}) {
  const [state, action] = useActionState(pickSlotAction, IDLE_STATE);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="credentialId" value={credentialId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <div className="mb-4 grid gap-4 sm:grid-cols-2">
        {days.map((d) => (
          <fieldset key={d.day} className="rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-medium">{d.label}</legend>
            <div className="flex flex-wrap gap-2">
              {d.slots.map((s) => (
                <label
                  key={s.value}
                  className="flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm"
                >
                  <input
                    type="radio"
                    name="startsAt"
                    value={s.value}
                    defaultChecked={s.value === selected}
                    required
                  />
                  {s.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {state.fieldErrors?.startsAt ? (
        <p className="mb-2 text-sm text-red-700">{state.fieldErrors.startsAt}</p>
      ) : null}
      <SubmitButton>Continue</SubmitButton>
    </form>
  );
}
