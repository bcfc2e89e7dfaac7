import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { RequestInfo } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { namesOfApplications } from "./client-repository";
import * as payloads from "./payload-repository";

// My Account › Connected Applications: the partners a user allowed, and revoking one.

export type Connection = {
  grantId: string;
  clientId: string;
  name: string;
  allowedAt: Date;
  lastSignInAt: Date | null;
};

export async function listConnections(userId: string): Promise<Connection[]> {
  const grants = await payloads.listGrantsOf(userId);
  const names = await namesOfApplications(grants.map((g) => g.clientId));
  return grants.map((g) => ({ ...g, name: names.get(g.clientId) ?? "A removed application" }));
}

/** Ends a partner's access: its grant and every token issued under it (refresh tokens included) at once. */
export async function revokeConnection(userId: string, grantId: string, request: RequestInfo): Promise<void> {
  const grant = (await payloads.listGrantsOf(userId)).find((g) => g.grantId === grantId);
  if (!grant) throw new DomainError("oidc.connection_not_found");
  await payloads.revokeGrant(grantId);
  await recordAudit({
    type: "OIDC_CONSENT_REVOKED",
    result: "SUCCESS",
    actorId: userId,
    subjectUserId: userId,
    ...request,
    detail: { clientId: grant.clientId },
  });
}

/** The account closed: every partner's grants, tokens (refresh tokens too) and sign-in sessions end. */
export async function revokeAllConnections(userId: string): Promise<number> {
  const grants = await payloads.listGrantsOf(userId);
  await payloads.revokeEverythingOf(userId);
  return grants.length;
}
