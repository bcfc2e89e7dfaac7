"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { submitPaymentAction } from "../../../actions";

export function PaymentForm({
  orderId,
  backHref,
  failure,
  notice,
  cardOnStripe,
}: {
  orderId: string;
  backHref: string;
  failure?: string;
  notice?: string;
  /** With Stripe, the card is typed on Stripe Checkout's page after Submit: no card fields here. */
  cardOnStripe: boolean;
}) {
  const [state, action] = useActionState(submitPaymentAction, IDLE_STATE);
  const [method, setMethod] = useState(state.values?.paymentMethod ?? "CARD");
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {failure && state.status === "idle" ? (
        <FormMessage state={{ status: "error", message: failure }} />
      ) : null}
      {notice && state.status === "idle" ? (
        <FormMessage state={{ status: "error", message: notice }} />
      ) : null}
      <FormMessage state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <fieldset className="mb-6" aria-describedby={e.paymentMethod ? "method-error" : undefined}>
        <legend className="mb-3 text-lg font-semibold">Payment Method</legend>
        <div className="flex flex-wrap gap-6">
          {[
            { value: "CARD", label: "Credit Card" },
            { value: "INVOICE", label: "Invoice" },
          ].map((m) => (
            <label key={m.value} className="flex items-center gap-2">
              <input
                type="radio"
                name="paymentMethod"
                value={m.value}
                checked={method === m.value}
                onChange={() => setMethod(m.value)}
              />
              {m.label}
            </label>
          ))}
        </div>
        {e.paymentMethod ? (
          <p id="method-error" className="mt-1 text-sm text-red-700">
            {e.paymentMethod}
          </p>
        ) : null}
      </fieldset>
      {method === "CARD" && cardOnStripe ? (
        <p className="mb-6 max-w-xl rounded-md bg-slate-50 p-4 text-sm text-slate-800">
          After you select Submit, you enter your card on Stripe&apos;s secure payment page, where your bank
          may ask you to confirm the payment. We never see your card number.
        </p>
      ) : method === "CARD" ? (
        <fieldset className="mb-6 max-w-md">
          <legend className="mb-3 text-lg font-semibold">Card details</legend>
          <Field
            label="Name on Card"
            name="cardName"
            autoComplete="cc-name"
            required
            defaultValue={state.values?.cardName}
            error={e.cardName}
          />
          <Field
            label="Card Number"
            name="cardNumber"
            autoComplete="cc-number"
            inputMode="numeric"
            required
            error={e.cardNumber}
          />
          <div className="grid grid-cols-2 gap-x-4">
            <Field
              label="Expiration Date (MM/YY)"
              name="cardExpiry"
              autoComplete="cc-exp"
              placeholder="MM/YY"
              required
              error={e.cardExpiry}
            />
            <Field
              label="Security Code"
              name="securityCode"
              autoComplete="cc-csc"
              inputMode="numeric"
              required
              error={e.securityCode}
            />
          </div>
          <p className="text-xs text-slate-600">
            Card details go to the payment processor only; we keep the last 4 digits.
          </p>
        </fieldset>
      ) : (
        <p className="mb-6 max-w-xl rounded-md bg-amber-50 p-4 text-sm text-amber-900">
          NOTE: With the Invoice option, we must receive full payment before you receive your license key to
          activate your credential. The invoice is due in 30 days.
        </p>
      )}
      <div className="flex items-center gap-4">
        <Link href={backHref} className="text-brand-700 underline">
          Back
        </Link>
        <SubmitButton>Submit</SubmitButton>
      </div>
    </form>
  );
}
