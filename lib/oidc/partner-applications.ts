import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import { randomToken } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { requireStepUp } from "@/lib/sessions/service";
import * as repo from "./client-repository";
import { hashClientSecret } from "./clients";
import { redirectUriProblems } from "./redirect-uris";
import type { RegisterApplicationInput } from "./schemas";

// Admins register the partner applications that sign users in with MAG (OpenID Connect clients).

export type RegisteredApplication = { clientId: string; clientSecret: string | null };

/**
 * Registers an application: its redirect URIs checked (https, exact; http only to this machine in demo
 * mode), a client id, and for a confidential client a secret shown this once and kept only as a keyed hash.
 * Needs the admin's phone OTP within 20 minutes, like any change of who may sign people in.
 */
export async function registerApplication(
  actor: Pick<CurrentSession, "userId" | "otpAt">,
  input: RegisterApplicationInput,
  request: RequestInfo,
  now = new Date(),
): Promise<RegisteredApplication> {
  requireStepUp(actor, now);
  const [problem] = redirectUriProblems(input.redirectUris, env().MAG_DEMO);
  if (problem)
    throw new DomainError("input.invalid", {
      fieldErrors: { redirectUris: `${problem.uri} ${problem.problem}.` },
    });
  const clientId = `mag-${randomToken(12)}`;
  // A confidential client with public keys signs its token requests (private_key_jwt) and has no secret.
  const usesKeys = input.clientType === "confidential" && input.jwks !== null;
  const clientSecret = input.clientType === "confidential" && !usesKeys ? randomToken(32) : null;
  const scopes = [
    "openid",
    ...(input.scopeEmail ? ["email"] : []),
    ...(input.scopeProfile ? ["profile"] : []),
    ...(input.scopeOfflineAccess ? ["offline_access"] : []),
  ];
  await repo.insertApplication({
    clientId,
    name: input.name,
    logoUrl: input.logoUrl,
    redirectUris: input.redirectUris,
    postLogoutRedirectUris: [],
    scopes,
    requiredAcr: input.requiredAcr,
    isConfidential: input.clientType === "confidential",
    clientSecretHash: clientSecret ? hashClientSecret(clientSecret) : null,
    tokenEndpointAuthMethod: usesKeys ? "private_key_jwt" : clientSecret ? "client_secret_basic" : "none",
    jwks: usesKeys ? input.jwks : null,
    partnerId: input.partnerId,
  });
  await recordAudit({
    type: "OIDC_CLIENT_REGISTERED",
    result: "SUCCESS",
    actorId: actor.userId,
    ...request,
    detail: { clientId, name: input.name, scopes, requiredAcr: input.requiredAcr },
  });
  return { clientId, clientSecret };
}

export function listApplications() {
  return repo.listApplications();
}

/** The name of an application that may sign users in now (null: unknown or disabled). */
export async function applicationNameOf(clientId: string): Promise<string | null> {
  const application = await repo.findApplicationByClientId(clientId);
  return application && !application.disabledAt ? application.name : null;
}
