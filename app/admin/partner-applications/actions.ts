"use server";

import { revalidatePath } from "next/cache";
import { registerApplication } from "@/lib/oidc/partner-applications";
import { RegisterApplicationInputSchema } from "@/lib/oidc/schemas";
import { staffAction } from "@/lib/web/action";

/** The client secret is in this response only: shown once, stored as a keyed hash. */
export const registerApplicationAction = staffAction(
  ["ADMIN"],
  RegisterApplicationInputSchema,
  async (input, { session, request }) => {
    const { clientId, clientSecret } = await registerApplication(session, input, request);
    revalidatePath("/admin/partner-applications");
    return {
      status: "success",
      message: clientSecret
        ? `Registered. Client ID: ${clientId}. Client secret (shown this once; give it to the partner now): ${clientSecret}`
        : input.jwks
          ? `Registered with its public keys (private_key_jwt, no secret). Client ID: ${clientId}.`
          : `Registered as a public client (PKCE, no secret). Client ID: ${clientId}.`,
    };
  },
);
