import "server-only";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { recordAudit } from "@/lib/audit/service";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip";
import { logger } from "@/lib/core/logger";

// Every refused request to the provider is audited with the partner, the reason and the user when known
// (unknown client, unregistered redirect URI, missing or wrong PKCE, expired or reused code, wrong secret).

const REFUSALS = [
  "authorization.error",
  "grant.error",
  "userinfo.error",
  "end_session.error",
  "revocation.error",
  "server_error",
] as const;

type OAuthError = Error & { error?: string; error_description?: string; error_detail?: string };

function auditRefusal(ctx: KoaContextWithOIDC, error: OAuthError, event: string) {
  const oidc = ctx.oidc as KoaContextWithOIDC["oidc"] | undefined;
  const params = (oidc?.params ?? {}) as Record<string, unknown>;
  const clientId = oidc?.client?.clientId ?? (typeof params.client_id === "string" ? params.client_id : null);
  const ip = ctx.get(CLIENT_IP_HEADER) || ctx.ip || null;
  return recordAudit({
    type: "OIDC_REQUEST_REFUSED",
    result: "DENIED",
    subjectUserId: oidc?.session?.accountId ?? null,
    ip,
    userAgent: ctx.get("user-agent") || null,
    detail: {
      event,
      client: clientId?.slice(0, 100) ?? null,
      error: error.error ?? "server_error",
      reason: (error.error_detail ?? error.error_description ?? "").slice(0, 200),
    },
  });
}

export function auditRefusals(provider: Provider): void {
  // One handler for every refusal event; the typings overload `on` per event name.
  const on = provider.on.bind(provider) as (
    name: string,
    listener: (ctx: KoaContextWithOIDC, error: OAuthError) => void,
  ) => void;
  for (const event of REFUSALS) {
    on(event, (ctx, error) => {
      auditRefusal(ctx, error, event).catch((e: unknown) =>
        logger().error({ err: (e as Error).message }, "oidc refusal not audited"),
      );
    });
  }
}
