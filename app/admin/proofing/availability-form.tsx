"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { setAvailabilityAction } from "./actions";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function AvailabilityForm({
  timeZone,
  windows,
}: {
  timeZone: string;
  windows: Record<number, { start: string; end: string }>;
}) {
  const [state, action] = useActionState(setAvailabilityAction, IDLE_STATE);
  const v = state.values ?? {};
  return (
    <form action={action} noValidate aria-label="Weekly availability">
      <FormMessage state={state} />
      <Field
        label="Time Zone"
        name="timeZone"
        hint="IANA name, for example America/New_York."
        defaultValue={v.timeZone ?? timeZone}
        error={state.fieldErrors?.timeZone}
      />
      <table className="mb-4 text-sm">
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              Day
            </th>
            <th scope="col" className="pr-4 text-left">
              From
            </th>
            <th scope="col" className="text-left">
              To
            </th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, i) => (
            <tr key={day}>
              <th scope="row" className="pr-4 text-left font-normal">
                {day}
              </th>
              <td className="pr-4">
                <input
                  type="time"
                  name={`start.${i}`}
                  aria-label={`${day} from`}
                  defaultValue={v[`start.${i}`] ?? windows[i]?.start ?? ""}
                  className="rounded border border-slate-400 px-2 py-1"
                />
              </td>
              <td>
                <input
                  type="time"
                  name={`end.${i}`}
                  aria-label={`${day} to`}
                  defaultValue={v[`end.${i}`] ?? windows[i]?.end ?? ""}
                  className="rounded border border-slate-400 px-2 py-1"
                />
                {state.fieldErrors?.[`end.${i}`] ? (
                  <p className="text-sm text-red-700">{state.fieldErrors[`end.${i}`]}</p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SubmitButton>Save Availability</SubmitButton>
    </form>
  );
}
