import { z } from "zod";
import { StaffReasonFields } from "@/lib/audit/schemas";
import { requiredText } from "@/lib/core/text-fields";

/** Support records that a local invoice was paid in full. */
export const MarkInvoicePaidInputSchema = z.object({
  orderId: z.uuid(),
  paymentReference: requiredText("payment reference", "the", 80),
  amountPaid: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Enter the amount received, like 89.00."),
  ...StaffReasonFields,
});
export type MarkInvoicePaidInput = z.infer<typeof MarkInvoicePaidInputSchema>;
