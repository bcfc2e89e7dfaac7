import { z } from "zod";

export const ReadOutboxInputSchema = z.object({
  to: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
});
