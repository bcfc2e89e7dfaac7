"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import type { FormState } from "@/lib/web/action";
import { SubmitButton } from "@/components/forms/submit-button";
import { Field } from "@/components/ui/field";
import { ORDER_STATUS_LABELS } from "@/lib/store/order-status";
import { markInvoicePaidAction } from "./actions";

/**
 * An order row awaiting its invoice's payment, with Mark Paid: once recorded, the row itself reads Paid beside
 * the confirmation (the page is not re-rendered, which would take the confirmation away).
 */
export function AwaitingPaymentOrder({
  line,
  orderId,
  invoiceNumber,
  amount,
}: {
  /** The row's text before and after its status. */
  line: [string, string];
  orderId: string;
  invoiceNumber: string;
  amount: string;
}) {
  const [state, action] = useActionState(markInvoicePaidAction, IDLE_STATE);
  const status = state.status === "success" ? ORDER_STATUS_LABELS.PAID : ORDER_STATUS_LABELS.AWAITING_PAYMENT;
  return (
    <>
      <p>
        {line[0]}
        {status}
        {line[1]}
      </p>
      <MarkPaidFields
        state={state}
        action={action}
        orderId={orderId}
        invoiceNumber={invoiceNumber}
        amount={amount}
      />
    </>
  );
}

export function MarkPaidForm(props: { orderId: string; invoiceNumber: string; amount: string }) {
  const [state, action] = useActionState(markInvoicePaidAction, IDLE_STATE);
  return <MarkPaidFields state={state} action={action} {...props} />;
}

function MarkPaidFields({
  state,
  action,
  orderId,
  invoiceNumber,
  amount,
}: {
  state: FormState;
  action: (form: FormData) => void;
  orderId: string;
  invoiceNumber: string;
  amount: string;
}) {
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
