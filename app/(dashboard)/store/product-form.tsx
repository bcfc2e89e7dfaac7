"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { IDLE_STATE } from "@/components/forms/idle-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { startOrderAction } from "./actions";

export type ProductChoice = { id: string; name: string; description: string; price: string };

export function ProductForm({
  products,
  partner,
  renew,
  orderId,
  selectedProductId,
}: {
  products: ProductChoice[];
  partner: string;
  renew?: string;
  orderId?: string;
  selectedProductId?: string;
}) {
  const [state, action] = useActionState(startOrderAction, IDLE_STATE);
  const error = state.fieldErrors?.productId;
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="partner" value={partner} />
      {renew ? <input type="hidden" name="renew" value={renew} /> : null}
      {orderId ? <input type="hidden" name="orderId" value={orderId} /> : null}
      <fieldset aria-describedby={error ? "product-error" : undefined}>
        <legend className="mb-2 font-semibold">Select a product</legend>
        {products.length === 0 ? <p>This partner offers no products at the moment.</p> : null}
        <ul className="space-y-3">
          {products.map((p) => (
            <li key={p.id}>
              <label className="has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 flex cursor-pointer gap-3 rounded-md border border-slate-300 p-4">
                <input
                  type="radio"
                  name="productId"
                  value={p.id}
                  defaultChecked={p.id === (state.values?.productId ?? selectedProductId)}
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{p.name}</span>
                  <span className="block text-sm text-slate-700">{p.description}</span>
                  <span className="block text-sm font-semibold">{p.price}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {error ? (
          <p id="product-error" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <div className="mt-6">
        <SubmitButton>Next</SubmitButton>
      </div>
    </form>
  );
}
