import { z } from "zod";
import { requiredText } from "@/lib/core/text-fields";
import { ACR_VALUES } from "./oidc";

const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

/** An admin registers a partner application (an OpenID Connect client). */
export const RegisterApplicationInputSchema = z.object({
  name: requiredText("application name", "the", 100),
  logoUrl: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https:\/\/[^\s]+$/.test(v), "The logo URL must start with https://."),
  /** One redirect URI per line. */
  redirectUris: z
    .string()
    .trim()
    .min(1, "Enter at least one redirect URI.")
    .max(2000)
    .transform((v) => v.split(/\s+/).filter(Boolean)),
  scopeEmail: checkbox,
  scopeProfile: checkbox,
  scopeOfflineAccess: checkbox,
  requiredAcr: z.enum(ACR_VALUES, "Choose the sign-in strength the application requires."),
  clientType: z.enum(["confidential", "public"], "Choose confidential or public."),
  /**
   * A confidential client's public keys (a JWKS, RFC 7517): it then authenticates with private_key_jwt and
   * gets no secret. Only public parts are accepted.
   */
  jwks: z
    .string()
    .trim()
    .max(20_000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      try {
        const parsed = JSON.parse(v) as { keys?: Record<string, unknown>[] };
        const keys = parsed.keys;
        if (
          Array.isArray(keys) &&
          keys.length > 0 &&
          keys.every((k) => (k.kty === "EC" || k.kty === "RSA") && !("d" in k))
        )
          return { keys };
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: "custom",
        message: "Paste a JWKS with the application's public EC or RSA keys only.",
      });
      return z.NEVER;
    }),
  partnerId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid("Choose a partner.").nullable()),
});
export type RegisterApplicationInput = z.infer<typeof RegisterApplicationInputSchema>;

/** A user revokes a partner's access (Connected Applications). */
export const RevokeConnectionInputSchema = z.object({
  grantId: z.string().regex(/^[\w-]{10,64}$/, "Unknown application."),
});
export type RevokeConnectionInput = z.infer<typeof RevokeConnectionInputSchema>;
