import "server-only";
import type { CurrentSession } from "@/lib/core/caller";
import { DomainError } from "@/lib/core/errors";
import { hasCurrentSecondFactor } from "@/lib/phones/service";
import { currentProvider } from "./host";
import { findStorePartnerSlug } from "./client-repository";
import { acrFor, amrFor, wantsAal2 } from "./oidc";
import { authorizationPathOf } from "./partner-return";

// The provider's interactions as the portal's own pages: the sign-in (password and phone OTP, exactly as on
// the portal) and the consent. The provider keeps each interaction in PostgreSQL; its resume endpoint checks
// the browser's interaction cookie, so only the browser that started it can finish it.

export type InteractionStep =
  /** Sign in first (again, for prompt=login or max_age); `next` comes back here; the partner's login_hint. */
  | { kind: "sign-in"; next: string; reauth: boolean; loginHint?: string }
  /** A phone OTP is needed for the partner's acr (urn:mag:aal2): Confirm it's you. */
  | { kind: "step-up"; next: string }
  /** The partner wants the phone OTP and the user has no active credential: Get 2FA first, or Cancel. */
  | { kind: "needs-credential"; uid: string; clientName: string }
  /** prompt=select_account: continue as the signed-in user, or sign in as someone else. */
  | { kind: "select-account"; uid: string; clientName: string; name: string; email: string }
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
  // Earlier steps of this request (the sign-in before the consent) still count, as the provider's own
  // interactionResult keeps them: prompt=login or select_account is not asked twice.
  interaction.result = { ...interaction.lastSubmission, ...interaction.result, ...result };
  await interaction.save(Math.max(1, interaction.exp - epochNow()));
  return { kind: "redirect", to: interaction.returnTo };
}

const chosenAccount = (interaction: LoadedInteraction) => Boolean(interaction.result?.select_account);

/**
 * Keeps the account choice on the interaction without resuming it yet: the sign-in that follows comes back here,
 * and the provider then hears the choice with the login.
 */
async function recordAccountChoice(interaction: LoadedInteraction): Promise<void> {
  interaction.result = { ...interaction.result, select_account: {} };
  await interaction.save(Math.max(1, interaction.exp - epochNow()));
}

/** Use another account (prompt=select_account): the next sign-in on this browser is the account chosen. */
export async function chooseAnotherAccount(uid: string): Promise<void> {
  const { interaction } = await loadInteraction(uid);
  if (interaction.prompt.name !== "select_account") throw new DomainError("oidc.interaction_expired");
  await recordAccountChoice(interaction);
}

/**
 * The provider's session belongs to someone who has since signed out of MAG on this browser: it ends here,
 * before the new user's sign-in is recorded (the provider would otherwise show its logout page, which would
 * sign the new user out of MAG too).
 */
async function endOtherUsersProviderSession(
  provider: Awaited<ReturnType<typeof currentProvider>>,
  interaction: LoadedInteraction,
  userId: string,
) {
  const previous = interaction.session;
  if (!previous?.uid || !previous.accountId || previous.accountId === userId) return;
  await (await provider.Session.findByUid(previous.uid))?.destroy();
  // The resume then starts a fresh provider session instead of refusing one that no longer matches.
  interaction.session = { ...previous, uid: undefined } as unknown as typeof previous;
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
  if (interaction.prompt.name === "select_account") {
    // The account was chosen in this request (signed in from here, or Use another account): done.
    if (session && chosenAccount(interaction)) return finish(interaction, { select_account: {} });
    if (!session) {
      // Whoever signs in from here is the choice of account.
      await recordAccountChoice(interaction);
      return { kind: "sign-in", next: here, reauth: false, ...loginHint };
    }
    const client = await provider.Client.find(String(interaction.params.client_id));
    return {
      kind: "select-account",
      uid,
      clientName: client?.clientName ?? "An application",
      name: `${session.firstName} ${session.lastName}`,
      email: session.email,
    };
  }
  if (interaction.prompt.name === "login") {
    if (!session) return { kind: "sign-in", next: here, reauth: false, ...loginHint };
    const authTime = (session.otpAt ?? session.passwordAt).getTime() / 1000;
    const reasons = interaction.prompt.reasons;
    if ((reasons.includes("login_prompt") || reasons.includes("max_age")) && authTime < interaction.iat)
      return { kind: "sign-in", next: here, reauth: true, ...loginHint };
    const client = await provider.Client.find(String(interaction.params.client_id));
    // A phone of an expired credential still guards our sign-in but is no second factor for partners.
    const current = await hasCurrentSecondFactor(session.userId);
    if (wantsAal2(interaction.params.acr_values, client?.metadata().default_acr_values)) {
      if (!current)
        return { kind: "needs-credential", uid, clientName: client?.clientName ?? "An application" };
      if (session.authLevel !== "PASSWORD_OTP") return { kind: "step-up", next: here };
    }
    await endOtherUsersProviderSession(provider, interaction, session.userId);
    return finish(interaction, {
      login: {
        accountId: session.userId,
        acr: acrFor(current ? session : { ...session, authLevel: "PASSWORD" }),
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

async function loadSignInInteraction(uid: string) {
  const loaded = await loadInteraction(uid);
  if (loaded.interaction.prompt.name !== "login") throw new DomainError("oidc.interaction_expired");
  return loaded;
}

/**
 * Get 2FA from a partner's sign-in: the partner's authorization request to replay once the user has a
 * credential, and the store's partner to preselect when the application is linked to one.
 */
export async function detourToGetCredential(
  uid: string,
): Promise<{ returnPath: string; storePartner: string | null }> {
  const { interaction } = await loadSignInInteraction(uid);
  return {
    returnPath: authorizationPathOf(interaction.params),
    storePartner: await findStorePartnerSlug(String(interaction.params.client_id)),
  };
}

/** Cancel instead of getting a credential: the partner is told unmet_authentication_requirements. */
export async function declineWithoutCredential(uid: string): Promise<InteractionStep> {
  const { interaction } = await loadSignInInteraction(uid);
  return finish(interaction, {
    error: "unmet_authentication_requirements",
    error_description: "The user has no active MAG phone OTP credential.",
  });
}

/** Continue as the signed-in user (prompt=select_account); the login step follows as usual. */
export async function continueAsSignedInUser(uid: string): Promise<InteractionStep> {
  const { interaction } = await loadInteraction(uid);
  if (interaction.prompt.name !== "select_account") throw new DomainError("oidc.interaction_expired");
  return finish(interaction, { select_account: {} });
}
