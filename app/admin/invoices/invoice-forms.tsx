"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { markInvoicePaidAction } from "./actions";

export function MarkPaidForm({
  orderId,
  invoiceNumber,
  amount,
}: {
  orderId: string;
  invoiceNumber: string;
  amount: string;
}) {
  const [state, action] = useActionState(markInvoicePaidAction, IDLE_STATE);
  if (state.status === "success") return <FormMessage state={state} />;
  return (
    <form
      action={action}
      noValidate
      aria-label={`Record payment for ${invoiceNumber}`}
      className="grid gap-x-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
    >
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <input type="hidden" name="orderId" value={orderId} />
      <Field
        label="Payment Reference"
        name="paymentReference"
        id={`ref-${orderId}`}
        hint="Bank transfer, check or remittance number."
        defaultValue={state.values?.paymentReference}
        error={state.fieldErrors?.paymentReference}
      />
      <Field
        label="Amount Received"
        name="amountPaid"
        id={`amount-${orderId}`}
        inputMode="decimal"
        defaultValue={state.values?.amountPaid ?? amount}
        error={state.fieldErrors?.amountPaid}
      />
      <div className="sm:col-span-2">
        <Field
          label="Reason for Mark Paid"
          name="reason"
          id={`reason-${orderId}`}
          hint="Written to the audit log, e.g. where the payment was seen."
          defaultValue={state.values?.reason}
          error={state.fieldErrors?.reason}
        />
        <label className="-mt-2 mb-4 flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" />I checked the payment was received in full.
        </label>
        {state.fieldErrors?.confirm ? (
          <p className="-mt-3 mb-4 text-sm text-red-700">{state.fieldErrors.confirm}</p>
        ) : null}
      </div>
      <div className="mb-4">
        <SubmitButton>Mark Paid</SubmitButton>
      </div>
    </form>
  );
}
