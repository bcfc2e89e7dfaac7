import "server-only";
import type { RequestInfo } from "@/lib/core/caller";
import { recordAudit, auditSelf } from "@/lib/audit/service";
import { decrypt, keyedHash, randomToken } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { canonicalTimeZone } from "@/lib/core/time-zone";
import { DomainError } from "@/lib/core/errors";
import { errorMessage } from "@/lib/errors/catalog";
import { checkLimits, consumeLimit, enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import type { AccountStatus, Role } from "@/lib/generated/prisma/client";
import { isIdentityProofed } from "@/lib/credentials/service";
import { lineCheckFreshSince, sendEmail, sendEmailInBackground } from "@/lib/messaging/service";
import { sendCode, sendPreflightOf, verifyCode } from "@/lib/otp/service";
import {
  consumePhoneRiskApproval,
  grantPhoneRiskApproval,
  listSignInPhones,
  userPhoneLabel,
  type MaskedPhone,
} from "@/lib/phones/service";
import type { SendSignInCodeInput } from "@/lib/phones/schemas";
import {
  completeLoginChallengeStep,
  endAllSessions,
  liveLoginChallenge,
  loginChallengeIdOf,
  readLoginChallenge,
  loginChallengeStep,
  startSession,
  type OpenedSession,
} from "@/lib/sessions/service";
import { EMAIL_VERIFY_TTL_MS, isEmailLogin, normalizeLogin, passwordProblem } from "./accounts";
import { issueDeviceToken, knownDeviceAccount } from "@/lib/sessions/known-device";
import * as emails from "./emails";
import { hashPassword, verifyPassword } from "./password";
import { issueReopenOffer } from "./closing";
import { confirmCurrentPassword } from "./current-password";
import { emailLink } from "./links";
import * as repo from "./repository";
import { issueResetToken, resetTokenHash } from "./reset-link";
import type {
  ChangePasswordInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
  UpdateProfileInput,
} from "./schemas";

export type { Profile } from "./repository";

const VERIFY_PURPOSE = "email-verify";

function refuseWeakPassword(password: string, personal: string[], field = "password") {
  const problem = passwordProblem(password, personal);
  if (problem) throw new DomainError("input.invalid", { fieldErrors: { [field]: problem } });
}

async function issueVerificationLink(userId: string, now: Date) {
  const user = await repo.findProfile(userId);
  if (!user) return;
  const token = randomToken();
  await inTransaction(async (tx) => {
    await repo.expireEmailTokens(user.id, "VERIFY_EMAIL", now, tx);
    await repo.insertEmailToken(
      {
        userId: user.id,
        purpose: "VERIFY_EMAIL",
        tokenHash: keyedHash(VERIFY_PURPOSE, token),
        expiresAt: new Date(now.getTime() + EMAIL_VERIFY_TTL_MS),
      },
      tx,
    );
  });
  await sendEmail(emails.verifyEmailMessage(user.email, user.firstName, emailLink("/verify-email", token)));
}

/**
 * Creates an account and emails a verification link. An email address that already has an account
 * gets a notice instead, and the caller sees the same outcome (no account enumeration).
 * Throws `accounts.username_taken`, `input.invalid` (weak password) or `accounts.too_many_requests`.
 */
export async function signUp(input: SignUpInput, request: RequestInfo, now = new Date()): Promise<void> {
  refuseWeakPassword(input.password, [
    input.email.split("@")[0]!,
    input.username,
    input.firstName,
    input.lastName,
  ]);
  await enforceLimit("sign_up.ip", request.ip ?? "unknown");
  const passwordHash = await hashPassword(input.password);
  const token = randomToken();
  const created = await inTransaction(async (tx) => {
    const result = await repo.insertAccount(
      {
        email: input.email,
        username: input.username,
        firstName: input.firstName,
        lastName: input.lastName,
        country: input.country,
        passwordHash,
      },
      tx,
    );
    if ("taken" in result) return result;
    await repo.insertEmailToken(
      {
        userId: result.id,
        purpose: "VERIFY_EMAIL",
        tokenHash: keyedHash(VERIFY_PURPOSE, token),
        expiresAt: new Date(now.getTime() + EMAIL_VERIFY_TTL_MS),
      },
      tx,
    );
    await auditSelf("ACCOUNT_CREATED", "SUCCESS", result.id, request, undefined, tx);
    return result;
  });
  if ("taken" in created) {
    if (created.taken === "username") {
      throw new DomainError("accounts.username_taken", {
        fieldErrors: { username: "This User ID is already taken." },
      });
    }
    sendEmailInBackground(
      emails.alreadyRegisteredMessage(
        input.email,
        new URL("/sign-in", env().APP_URL).toString(),
        new URL("/forgot-password", env().APP_URL).toString(),
      ),
    );
    return;
  }
  sendEmailInBackground(
    emails.verifyEmailMessage(input.email, input.firstName, emailLink("/verify-email", token)),
  );
}

/** Spends a verification link. Throws `accounts.link_invalid` for an unknown, used or expired one. */
export async function verifyEmail(token: string, request: RequestInfo, now = new Date()): Promise<void> {
  const verified = await inTransaction(async (tx) => {
    const userId = await repo.consumeEmailToken(keyedHash(VERIFY_PURPOSE, token), "VERIFY_EMAIL", now, tx);
    if (!userId) return false;
    await repo.markEmailVerified(userId, now, tx);
    await recordAudit(
      { type: "EMAIL_VERIFIED", result: "SUCCESS", actorId: userId, subjectUserId: userId, ...request },
      tx,
    );
    return true;
  });
  if (!verified) throw new DomainError("accounts.link_invalid");
}

/** `claimed`: the caller mints the session cookie itself (lib/api), so no ticket is exchanged for it. */
export type SessionOpening = { claimed?: boolean };

export type PasswordSignIn =
  /** No phone OTP needed: the single-use ticket for next-auth, and the browser's new known-device token. */
  | ({ kind: "session" } & OpenedSession)
  /** The user has an active credential: the signed token of the pending sign-in and its phones, for the OTP step. */
  | { kind: "otp_required"; challengeToken: string; phones: MaskedPhone[] }
  /** The owner closed the account less than 30 days ago: the token of the offer to reopen it (lib/accounts/closing.ts). */
  | { kind: "closed"; reopenToken: string };

/**
 * Checks a password sign-in. Users with an active phone OTP credential get a pending sign-in that the
 * phone code completes; everyone else gets a session ticket for next-auth.
 * Unknown accounts and wrong passwords take the same path and time and give the same error.
 * Attempts are limited per IP, per account+IP and (failures) per account; the wrong passwords of a browser
 * that signed in to the account before (`deviceToken`) count apart, so strangers cannot lock its owner out.
 */
export async function signInWithPassword(
  input: Pick<SignInInput, "login" | "password">,
  request: RequestInfo,
  now = new Date(),
  deviceToken?: string,
  options: SessionOpening = {},
): Promise<PasswordSignIn> {
  const login = normalizeLogin(input.login);
  const account = isEmailLogin(login)
    ? await repo.findAccountByEmail(login)
    : await repo.findAccountByUsername(login);
  // Limits count per account (its email and user ID alike), or per typed name when there is no account.
  const accountKey = account?.id ?? login;
  const isKnownDevice = account !== null && knownDeviceAccount(deviceToken, now) === account.id;
  const failuresKey = isKnownDevice ? `${accountKey}|known-device` : accountKey;
  const limits = await spendSignInLimits(accountKey, failuresKey, request.ip ?? "unknown");
  if (!limits.allowed) {
    throw await refuseSignIn(
      request,
      limits.refusedBy === "sign_in.account_failures" ? "account_throttled" : "rate_limited",
      account?.id ?? null,
      "accounts.too_many_attempts",
      limits.retryAfterSeconds,
    );
  }

  const matches = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !matches) {
    await consumeLimit("sign_in.account_failures", failuresKey);
    throw await refuseSignIn(
      request,
      account ? "wrong_password" : "unknown_account",
      account?.id ?? null,
      "accounts.invalid_credentials",
    );
  }
  if (account.status === "CLOSED") {
    await auditSelf("SIGN_IN", "FAILURE", account.id, request, { reason: "closed" });
    return { kind: "closed", reopenToken: issueReopenOffer(account.id, now) };
  }
  if (account.status !== "ACTIVE")
    throw await refuseSignIn(request, "disabled", account.id, "accounts.account_disabled");
  if (!account.emailVerifiedAt) {
    const linkLimit = await consumeLimit("email_link.account", account.id);
    if (linkLimit.allowed) await issueVerificationLink(account.id, now).catch(() => undefined);
    throw await refuseSignIn(request, "email_not_verified", account.id, "accounts.email_not_verified");
  }

  // The phones a sign-in may choose are those that require it (requiresPhoneOtp): the statement that reads
  // them opens the pending sign-in when there is one.
  const challenge = loginChallengeStep(account.id, request, now);
  const phones = await listSignInPhones(account.id, challenge.step);
  if (phones.length > 0) return { kind: "otp_required", challengeToken: challenge.token, phones };
  return { kind: "session", ...(await openPasswordSession(account.id, request, now, options)) };
}

/**
 * One round trip: spends the per-IP and per-account+IP points, and looks at the failures counted for this
 * browser (its own budget when it is a known device of the account, else the account's shared one).
 */
function spendSignInLimits(accountKey: string, failuresKey: string, ip: string) {
  return checkLimits(
    [
      { name: "sign_in.ip", key: ip },
      { name: "sign_in.account_ip", key: `${accountKey}|${ip}` },
    ],
    [{ name: "sign_in.account_failures", key: failuresKey }],
  );
}

/** Audits a refused sign-in and returns the error to throw. */
async function refuseSignIn(
  request: RequestInfo,
  reason: string,
  subjectUserId: string | null,
  code: DomainError["code"],
  retry?: number,
): Promise<DomainError> {
  await recordAudit({ type: "SIGN_IN", result: "FAILURE", subjectUserId, ...request, detail: { reason } });
  return new DomainError(code, retry ? { retryAfterSeconds: retry } : {});
}

/** A password-only session (no active phone OTP credential), audited. */
async function openPasswordSession(
  userId: string,
  request: RequestInfo,
  now: Date,
  options: SessionOpening,
): Promise<OpenedSession> {
  const { ticket, sessionId } = await startSession({
    userId,
    authLevel: "PASSWORD",
    now,
    request,
    claimed: options.claimed,
  });
  await auditSelf("SIGN_IN", "SUCCESS", userId, request, { sessionId, method: "password" });
  return { ticket, deviceToken: issueDeviceToken(userId, now), userId, sessionId };
}

async function requireChallenge(challengeToken: string | undefined, now: Date) {
  const challenge = await readLoginChallenge(challengeToken, now);
  // A recovered sign-in (a recovery code was spent on it) completes only with a new phone.
  if (!challenge || challenge.recovered) throw new DomainError("otp.challenge_expired");
  return challenge;
}

/** The phones a pending sign-in may choose from, or null when it has expired or was completed. */
export async function getPendingSignIn(challengeToken: string | undefined, now = new Date()) {
  const challenge = await readLoginChallenge(challengeToken, now);
  if (!challenge) return null;
  return { recovered: challenge.recovered, phones: await listSignInPhones(challenge.userId) };
}

/** Sends the sign-in code to one of the user's registered phones, by text or voice. */
export async function sendSignInCode(
  challengeToken: string | undefined,
  input: SendSignInCodeInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ expiresAt: Date }> {
  // One read for the pending sign-in, the phone, the OTP lock and the line check; one write for the code.
  const challengeId = loginChallengeIdOf(challengeToken);
  const read = challengeId
    ? await repo.findSignInSend(challengeId, input.phoneId, lineCheckFreshSince(now))
    : null;
  const challenge = liveLoginChallenge(read?.challenge ?? null, now);
  // A recovered sign-in (a recovery code was spent on it) completes only with a new phone.
  if (!read || !challenge || challenge.recovered) throw new DomainError("otp.challenge_expired");
  if (!read.e164Encrypted)
    throw new DomainError("phones.not_found", { fieldErrors: { phoneId: "Choose one of your phones." } });
  try {
    return await sendCode({
      userId: challenge.userId,
      purpose: "SIGN_IN",
      channel: input.channel,
      e164: decrypt(read.e164Encrypted),
      phoneId: input.phoneId,
      binding: challenge.id,
      request,
      now,
      spendRiskApproval: () => consumePhoneRiskApproval(input.phoneId, now),
      preflight: sendPreflightOf(read),
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "otp.sim_swap_recent") throw error;
    // With another phone the user is told to choose it; with none, the emailed link is the way in.
    if ((await listSignInPhones(challenge.userId)).length > 1) throw error;
    await emailPhoneApproval(challenge.userId, input.phoneId, now);
    throw new DomainError("otp.sim_swap_email_sent", {
      fieldErrors: { phoneId: errorMessage("otp.sim_swap_email_sent") },
    });
  }
}

const PHONE_APPROVAL_PURPOSE = "approve-phone";
const PHONE_APPROVAL_TTL_MS = 30 * 60_000;

/**
 * A phone with a recent SIM swap got no code: its owner is emailed a link that allows one code to it (one link
 * per phone per 30 minutes, so a caller cannot flood the mailbox).
 */
async function emailPhoneApproval(userId: string, phoneId: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - PHONE_APPROVAL_TTL_MS);
  if (await repo.hasRecentPhoneApproval(phoneId, since, now)) return;
  const [profile, label] = await Promise.all([repo.findProfile(userId), userPhoneLabel(userId, phoneId)]);
  if (!profile || !label) return;
  const token = randomToken();
  await repo.insertPhoneApprovalToken({
    userId,
    phoneId,
    tokenHash: keyedHash(PHONE_APPROVAL_PURPOSE, token),
    expiresAt: new Date(now.getTime() + PHONE_APPROVAL_TTL_MS),
    createdAt: now,
  });
  sendEmailInBackground(
    emails.phoneApprovalMessage(
      profile.email,
      profile.firstName,
      label,
      emailLink("/approve-phone", token),
      env().SUPPORT_EMAIL,
    ),
  );
}

/**
 * The emailed link's button: one code may now go to the phone within 30 minutes, despite its recent SIM swap.
 * Returns the phone's masked label.
 */
export async function approvePhoneForOneCode(
  token: string,
  request: RequestInfo,
  now = new Date(),
): Promise<string> {
  const approved = await repo.consumePhoneApprovalToken(keyedHash(PHONE_APPROVAL_PURPOSE, token), now);
  if (!approved) throw new DomainError("accounts.link_invalid");
  await grantPhoneRiskApproval(approved.phoneId, now);
  await recordAudit({
    type: "PHONE_RISK_APPROVED",
    result: "SUCCESS",
    actorId: approved.userId,
    subjectUserId: approved.userId,
    ...request,
    detail: { phoneId: approved.phoneId },
  });
  return (await userPhoneLabel(approved.userId, approved.phoneId)) ?? "your phone";
}

/**
 * Completes a pending sign-in with the phone code: only now is a session opened, marked as authenticated
 * with password and phone OTP. Returns the single-use ticket for next-auth.
 */
export async function completeSignInWithCode(
  challengeToken: string | undefined,
  code: string,
  request: RequestInfo,
  now = new Date(),
  options: SessionOpening = {},
): Promise<OpenedSession> {
  const challenge = await requireChallenge(challengeToken, now);
  // A right code completes the sign-in and opens its session in the statement that checks it.
  const { step, session } = completeLoginChallengeStep(
    challenge,
    null,
    "password+phone_otp",
    request,
    now,
    options.claimed,
  );
  const { followedUp } = await verifyCode({
    userId: challenge.userId,
    purpose: "SIGN_IN",
    code,
    binding: challenge.id,
    request,
    now,
    then: step,
  });
  if (followedUp !== true) throw new DomainError("otp.challenge_expired");
  return session;
}

/** Emails a reset link when the account exists; the caller always sees the same answer. */
export async function requestPasswordReset(
  input: RequestPasswordResetInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  await enforceLimit("email_link.ip", request.ip ?? "unknown");
  const login = normalizeLogin(input.login);
  const account = isEmailLogin(login)
    ? await repo.findAccountByEmail(login)
    : await repo.findAccountByUsername(login);
  if (!account || account.status !== "ACTIVE") return;
  if (!(await consumeLimit("email_link.account", account.id)).allowed) return;
  const profile = await repo.findProfile(account.id);
  const token = await inTransaction(async (tx) => {
    const issued = await issueResetToken(account.id, now, tx);
    await recordAudit(
      { type: "PASSWORD_RESET_REQUESTED", result: "SUCCESS", subjectUserId: account.id, ...request },
      tx,
    );
    return issued;
  });
  sendEmailInBackground(
    emails.resetPasswordMessage(account.email, profile?.firstName ?? "", emailLink("/reset-password", token)),
  );
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function resetPassword(
  input: ResetPasswordInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const tokenHash = resetTokenHash(input.token);
  const passwordHash = await hashPassword(input.password);
  const userId = await inTransaction(async (tx) => {
    const id = await repo.consumeEmailToken(tokenHash, "RESET_PASSWORD", now, tx);
    if (!id) return null;
    const profile = await repo.findProfile(id);
    if (profile) {
      refuseWeakPassword(input.password, [
        profile.email.split("@")[0]!,
        profile.username,
        profile.firstName,
        profile.lastName,
      ]);
    }
    await repo.updatePasswordHash(id, passwordHash, now, tx);
    // A reset link proves control of the mailbox, so the address counts as verified too.
    await repo.markEmailVerified(id, now, tx);
    await endAllSessions(id, now, tx);
    await recordAudit(
      {
        type: "PASSWORD_CHANGED",
        result: "SUCCESS",
        actorId: id,
        subjectUserId: id,
        ...request,
        detail: { via: "reset_link" },
      },
      tx,
    );
    return id;
  });
  if (!userId) throw new DomainError("accounts.link_invalid");
}

export async function getProfile(userId: string): Promise<repo.Profile> {
  const profile = await repo.findProfile(userId);
  if (!profile) throw new DomainError("auth.unauthenticated");
  return profile;
}

/** Proofing's "MY NAME IS INCORRECT": the account's name, inside the caller's (audited) transaction. */
export function correctAccountName(userId: string, name: { firstName: string; lastName: string }, tx: Tx) {
  return repo.updateAccount(userId, { firstName: name.firstName, lastName: name.lastName }, tx);
}

/** Staff's enable, disable and role change, inside the caller's (audited) transaction. */
export function changeAccountAccess(
  userId: string,
  change: { status: AccountStatus } | { role: Role },
  tx: Tx,
) {
  return repo.updateAccount(userId, change, tx);
}

/** The browser's time zone, reported on the first signed-in page; ignored once the profile has one. */
export async function rememberDetectedTimeZone(userId: string, timeZone: string): Promise<void> {
  const canonical = canonicalTimeZone(timeZone);
  if (canonical) await repo.setDetectedTimeZone(userId, canonical);
}

export async function updateProfile(
  userId: string,
  input: UpdateProfileInput,
  request: RequestInfo,
): Promise<void> {
  const current = await getProfile(userId);
  const renamed = current.firstName !== input.firstName || current.lastName !== input.lastName;
  if (renamed && (await isIdentityProofed(userId))) {
    const message = errorMessage("accounts.name_locked");
    throw new DomainError("accounts.name_locked", { fieldErrors: { firstName: message, lastName: message } });
  }
  await inTransaction(async (tx) => {
    await repo.updateProfileFields(userId, input, tx);
    await recordAudit(
      { type: "PROFILE_UPDATED", result: "SUCCESS", actorId: userId, subjectUserId: userId, ...request },
      tx,
    );
  });
}

/**
 * Changes the password after checking the current one, and ends every session of the account, this one
 * included, so the user signs in again with the new password.
 * Throws `accounts.current_password_incorrect` or `input.invalid`.
 */
export async function changePassword(
  session: { userId: string; sessionId: string },
  input: ChangePasswordInput,
  request: RequestInfo,
  now = new Date(),
): Promise<void> {
  const profile = await getProfile(session.userId);
  await confirmCurrentPassword(session.userId, input.currentPassword, request, "PASSWORD_CHANGED");
  refuseWeakPassword(input.password, [
    profile.email.split("@")[0]!,
    profile.username,
    profile.firstName,
    profile.lastName,
  ]);
  const passwordHash = await hashPassword(input.password);
  await inTransaction(async (tx) => {
    await repo.updatePasswordHash(session.userId, passwordHash, now, tx);
    await endAllSessions(session.userId, now, tx);
    await recordAudit(
      {
        type: "PASSWORD_CHANGED",
        result: "SUCCESS",
        actorId: session.userId,
        subjectUserId: session.userId,
        ...request,
      },
      tx,
    );
  });
  sendEmailInBackground(
    emails.passwordChangedMessage(profile.email, profile.firstName, { at: now, timeZone: profile.timeZone }),
  );
}
