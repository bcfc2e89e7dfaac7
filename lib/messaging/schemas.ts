import { z } from "zod";
import { NUL_REFUSED, WITHOUT_NUL } from "@/lib/core/text-fields";

export const ReadOutboxInputSchema = z.object({
  to: z
    .string()
    .trim()
    .max(254)
    .regex(WITHOUT_NUL, NUL_REFUSED)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
});
