import { z } from "zod";
import { NUL_REFUSED, WITHOUT_NUL } from "@/lib/core/text-fields";
import { ReturnPathSchema } from "@/lib/core/return-path";

export const RecoveryCodeInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter one of your recovery codes.")
    .max(40, "This recovery code is too long.")
    .regex(WITHOUT_NUL, NUL_REFUSED),
  next: ReturnPathSchema,
});
