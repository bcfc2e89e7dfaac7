import "server-only";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip";
import { logger } from "@/lib/core/logger";
import { endSession } from "@/lib/sessions/service";
import { portalSessionOf } from "./portal-session";

// A partner's logout request (RP-initiated logout) that the user confirms signs them out of MAG itself, not
// only of the provider's session: the next partner sign-in asks for the password and phone code again.

async function endPortalSession(ctx: KoaContextWithOIDC): Promise<void> {
  const session = await portalSessionOf(ctx);
  if (!session) return;
  await endSession(session, {
    ip: ctx.get(CLIENT_IP_HEADER) || null,
    userAgent: ctx.get("user-agent") || null,
  });
}

export function endPortalSessionOnLogout(provider: Provider): void {
  provider.on("end_session.success", (ctx: KoaContextWithOIDC) => {
    endPortalSession(ctx).catch((error: unknown) =>
      logger().error({ err: (error as Error).message }, "portal session not ended at partner logout"),
    );
  });
}
