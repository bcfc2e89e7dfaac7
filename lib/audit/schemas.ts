import { z } from "zod";
import { NUL_REFUSED, WITHOUT_NUL } from "@/lib/core/text-fields";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** The audit log viewer's filters (query string); every one optional. */
export const AuditFilterInputSchema = z.object({
  user: optional(z.string().trim().max(254).regex(WITHOUT_NUL, NUL_REFUSED)),
  actor: optional(z.string().trim().max(254).regex(WITHOUT_NUL, NUL_REFUSED)),
  type: optional(z.string().regex(/^[A-Z_]{1,64}$/, "Choose an action.")),
  from: optional(z.iso.date("Enter a date.")),
  to: optional(z.iso.date("Enter a date.")),
});
export type AuditFilterInput = z.infer<typeof AuditFilterInputSchema>;

/** What every staff action on someone's account carries: a reason, written to the audit log, and a confirmation. */
export const StaffReasonFields = {
  reason: z
    .string()
    .trim()
    .min(10, "State the reason (at least 10 characters); it is written to the audit log.")
    .max(500, "Keep the reason under 500 characters."),
  confirm: z.literal("on", "Tick the box to confirm."),
};
