import { z } from "zod";

export const ActivateLicenseKeyInputSchema = z.object({
  licenseKey: z
    .string()
    .trim()
    .min(1, "Enter your license key.")
    .max(64, "A license key has 25 characters in 5 groups, like ABCDE-FGHJK-MNPQR-STVWX-YZ012."),
});
export type ActivateLicenseKeyInput = z.infer<typeof ActivateLicenseKeyInputSchema>;
