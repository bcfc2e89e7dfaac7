import "server-only";
import type { CurrentSession } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { requiresPhoneOtp } from "@/lib/phones/service";
import { currentProvider } from "./host";
import { ACR_AAL2, acrFor, amrFor } from "./oidc";

// The provider's interactions as the portal's own pages: the sign-in (password and phone OTP, exactly as on
// the portal) and the consent. The provider keeps each interaction in PostgreSQL; its resume endpoint checks
// the browser's interaction cookie, so only the browser that started it can finish it.

export type InteractionStep =
  /** Sign in first (again, for prompt=login or max_age); `next` comes back here; the partner's login_hint. */
  | { kind: "sign-in"; next: string; reauth: boolean; loginHint?: string }
  /** A phone OTP is needed for the partner's acr (urn:mag:aal2): Confirm it's you. */
  | { kind: "step-up"; next: string }
  | { kind: "consent"; uid: string; clientName: string; scopes: string[] }
  /** Done: back to the provider, which answers the partner. */
  | { kind: "redirect"; to: string };

const epochNow = () => Math.floor(Date.now() / 1000);

async function loadInteraction(uid: string) {
  const provider = await currentProvider();
  const interaction = await provider.Interaction.find(uid);
  if (!interaction) throw new DomainError("oidc.interaction_expired");
  return { provider, interaction };
}

type LoadedInteraction = Awaited<ReturnType<typeof loadInteraction>>["interaction"];

/** Records the interaction's result (the one already loaded: no second read) and goes back to the provider. */
async function finish(
  interaction: LoadedInteraction,
  result: Record<string, unknown>,
): Promise<InteractionStep> {
  interaction.result = { ...interaction.result, ...result };
  await interaction.save(Math.max(1, interaction.exp - epochNow()));
  return { kind: "redirect", to: interaction.returnTo };
}

function wantsAal2(interaction: { params: Record<string, unknown> }, defaultAcr: unknown): boolean {
  const asked =
    typeof interaction.params.acr_values === "string" ? interaction.params.acr_values.split(" ") : [];
  return asked.includes(ACR_AAL2) || (Array.isArray(defaultAcr) && defaultAcr.includes(ACR_AAL2));
}

/** What the interaction needs next from this browser's portal session (null: not signed in). */
export async function nextInteractionStep(
  uid: string,
  session: CurrentSession | null,
): Promise<InteractionStep> {
  const { provider, interaction } = await loadInteraction(uid);
  const here = `/oidc/interaction/${uid}`;
  const hint = interaction.params.login_hint;
  const loginHint = typeof hint === "string" && hint.length <= 254 ? { loginHint: hint } : {};
  if (interaction.prompt.name === "login") {
    if (!session) return { kind: "sign-in", next: here, reauth: false, ...loginHint };
    const authTime = (session.otpAt ?? session.passwordAt).getTime() / 1000;
    const reasons = interaction.prompt.reasons;
    if ((reasons.includes("login_prompt") || reasons.includes("max_age")) && authTime < interaction.iat)
      return { kind: "sign-in", next: here, reauth: true, ...loginHint };
    const client = await provider.Client.find(String(interaction.params.client_id));
    if (
      wantsAal2(interaction, client?.metadata().default_acr_values) &&
      session.authLevel !== "PASSWORD_OTP"
    ) {
      if (await requiresPhoneOtp(session.userId)) return { kind: "step-up", next: here };
      return finish(interaction, {
        error: "unmet_authentication_requirements",
        error_description: "The user has no active MAG phone OTP credential.",
      });
    }
    return finish(interaction, {
      login: {
        accountId: session.userId,
        acr: acrFor(session),
        amr: amrFor(session),
        ts: Math.floor(authTime),
        remember: false,
      },
    });
  }
  if (!session || interaction.session?.accountId !== session.userId)
    return { kind: "sign-in", next: here, reauth: false };
  const client = await provider.Client.find(String(interaction.params.client_id));
  const scopes =
    typeof interaction.params.scope === "string" ? interaction.params.scope.split(" ") : ["openid"];
  return { kind: "consent", uid, clientName: client?.clientName ?? "An application", scopes };
}

/** Allow (a grant for what the partner asked, remembered until revoked) or Deny (access_denied). */
export async function decideConsent(
  uid: string,
  session: CurrentSession,
  allow: boolean,
): Promise<InteractionStep> {
  const { provider, interaction } = await loadInteraction(uid);
  if (interaction.prompt.name !== "consent" || interaction.session?.accountId !== session.userId)
    throw new DomainError("oidc.interaction_expired");
  if (!allow)
    return finish(interaction, { error: "access_denied", error_description: "The user denied the request." });
  const clientId = String(interaction.params.client_id);
  const grant = interaction.grantId
    ? ((await provider.Grant.find(interaction.grantId)) ??
      new provider.Grant({ accountId: session.userId, clientId }))
    : new provider.Grant({ accountId: session.userId, clientId });
  const details = interaction.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(" "));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  return finish(interaction, { consent: { grantId: await grant.save() } });
}
