import { z } from "zod";
import { ReturnPathSchema } from "@/lib/core/return-path";

export const RecoveryCodeInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter one of your recovery codes.")
    .max(40, "This recovery code is too long."),
  next: ReturnPathSchema,
});
