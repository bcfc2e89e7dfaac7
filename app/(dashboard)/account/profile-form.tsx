"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { updateProfileAction } from "./actions";
import { NameFields } from "@/components/forms/name-fields";

type Values = { firstName: string; lastName: string; country: string; timeZone: string };

/** `nameLocked`: the name was verified in identity proofing; only support changes it (with a reason). */
export function ProfileForm({
  initial,
  countries,
  timeZones,
  nameLocked,
}: {
  initial: Values;
  countries: readonly Country[];
  timeZones: readonly string[];
  nameLocked: boolean;
}) {
  const [state, action] = useActionState(updateProfileAction, { status: "idle", values: initial });
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md">
      <FormMessage state={state} />
      {nameLocked ? (
        <div className="mb-4 text-sm">
          <p className="font-medium text-slate-800">Name</p>
          <p>
            {v.firstName} {v.lastName}
          </p>
          <p className="text-slate-700">
            Verified in identity proofing. To change it (a marriage, a correction), contact MAG Customer
            Support.
          </p>
          <input type="hidden" name="firstName" value={v.firstName} />
          <input type="hidden" name="lastName" value={v.lastName} />
        </div>
      ) : (
        <NameFields values={v} errors={e} />
      )}
      <SelectField
        label="Country"
        name="country"
        required
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={v.country}
        key={v.country}
        error={e.country}
      />
      <SelectField
        label="Time Zone"
        name="timeZone"
        required
        options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        defaultValue={v.timeZone}
        key={`tz-${v.timeZone}`}
        error={e.timeZone}
      />
      <SubmitButton>Save Profile</SubmitButton>
    </form>
  );
}
