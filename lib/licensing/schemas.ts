import { z } from "zod";
import { NUL_REFUSED, WITHOUT_NUL } from "@/lib/core/text-fields";
import { StaffReasonFields } from "@/lib/audit/schemas";

export const ActivateLicenseKeyInputSchema = z.object({
  licenseKey: z
    .string()
    .trim()
    .min(1, "Enter your license key.")
    .max(64, "A license key has 25 characters in 5 groups, like ABCDE-FGHJK-MNPQR-STVWX-YZ012.")
    .regex(WITHOUT_NUL, NUL_REFUSED),
});
export type ActivateLicenseKeyInput = z.infer<typeof ActivateLicenseKeyInputSchema>;

/** Support's re-send or revocation of an order's license key. */
export const KeyActionInputSchema = z.object({ orderId: z.uuid("No such order."), ...StaffReasonFields });
export type KeyActionInput = z.infer<typeof KeyActionInputSchema>;
