import "server-only";
import { interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";
import { ACR_AAL2, wantsAal2 } from "./oidc";
import { portalSessionOf } from "./portal-session";

const { base, Check, Prompt } = interactionPolicy;

// When the provider sends the browser to the portal's interaction pages. On top of the library's rules, the
// provider's own session never outlives or outranks the MAG session it came from: a browser signed out of
// MAG (or signed in as someone else) signs in again before any partner gets an answer, and a partner asking
// for the phone OTP gets it even when the provider's session was opened with the password alone.

/** Just back from the portal's sign-in step: the session is the one the user established there. */
const isResumingFromSignIn = (ctx: KoaContextWithOIDC) => Boolean(ctx.oidc.result?.login);

const portalSessionCheck = new Check(
  "portal_session",
  "The MAG session ended or belongs to another user",
  "login_required",
  async (ctx) => {
    const accountId = ctx.oidc.session?.accountId;
    if (!accountId || isResumingFromSignIn(ctx)) return Check.NO_NEED_TO_PROMPT;
    return (await portalSessionOf(ctx))?.userId === accountId
      ? Check.NO_NEED_TO_PROMPT
      : Check.REQUEST_PROMPT;
  },
);

const phoneOtpCheck = new Check(
  "aal2_requested",
  "The partner asks for the phone one-time passcode",
  "login_required",
  (ctx) => {
    const { oidc } = ctx;
    if (!oidc.session?.accountId || isResumingFromSignIn(ctx)) return Check.NO_NEED_TO_PROMPT;
    const asked = wantsAal2(oidc.params?.acr_values, oidc.client?.metadata().default_acr_values);
    return asked && oidc.session.acr !== ACR_AAL2 ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
  },
);

/** The library's login and consent prompts, the checks above, and a requestable select_account first. */
export function portalInteractionPolicy() {
  const policy = base();
  const login = policy.get("login")!;
  login.checks.add(portalSessionCheck);
  login.checks.add(phoneOtpCheck);
  policy.add(new Prompt({ name: "select_account", requestable: true }), 0);
  return policy;
}
