"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field, SelectField } from "@/components/ui/field";
import type { Country } from "@/lib/accounts/countries";
import { saveInformationAction } from "../../../actions";
import { StreetAddressFields } from "@/components/forms/street-address-fields";
import { NameFields } from "@/components/forms/name-fields";

export type InformationValues = Record<
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "company"
  | "addressLine1"
  | "addressLine2"
  | "city"
  | "region"
  | "postalCode"
  | "country",
  string
>;

export function InformationForm({
  orderId,
  initial,
  countries,
  backHref,
}: {
  orderId: string;
  initial: InformationValues;
  countries: readonly Country[];
  backHref: string;
}) {
  const [state, action] = useActionState(saveInformationAction, { status: "idle" });
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-semibold">Primary Information</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <NameFields values={v} errors={e} />
          <Field
            label="Email Address"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={v.email}
            error={e.email}
          />
          <Field
            label="Phone Number"
            name="phone"
            type="tel"
            autoComplete="tel"
            required
            defaultValue={v.phone}
            error={e.phone}
          />
          <Field
            label="Company (optional)"
            name="company"
            autoComplete="organization"
            defaultValue={v.company}
            error={e.company}
          />
        </div>
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-semibold">Billing Address</legend>
        <StreetAddressFields values={v} errors={e} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            label="City"
            name="city"
            autoComplete="address-level2"
            required
            defaultValue={v.city}
            error={e.city}
          />
          <Field
            label="State / Region"
            name="region"
            autoComplete="address-level1"
            required
            defaultValue={v.region}
            error={e.region}
          />
          <Field
            label="ZIP / Postal Code"
            name="postalCode"
            autoComplete="postal-code"
            required
            defaultValue={v.postalCode}
            error={e.postalCode}
          />
          <SelectField
            label="Country"
            name="country"
            required
            placeholder="Select the country"
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
            defaultValue={v.country}
            key={v.country}
            error={e.country}
          />
        </div>
      </fieldset>
      <div className="flex items-center gap-4">
        <Link href={backHref} className="text-brand-700 underline">
          Back
        </Link>
        <SubmitButton>Next</SubmitButton>
      </div>
    </form>
  );
}
