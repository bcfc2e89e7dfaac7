import "server-only";
import type { CurrentSession, RequestInfo } from "@/lib/core/caller";
import type { SqlStep } from "@/lib/core/sql";
import { recordAudit } from "@/lib/audit/service";
import { logger } from "@/lib/core/logger";
import { sendEmail, sendSms } from "@/lib/messaging/service";
import { decrypt, encrypt } from "@/lib/core/crypto";
import { PHONE_RELEASE_DAYS } from "@/lib/credentials/credentials";
import { applyCredentialEvent, requirePhonesOfUser } from "@/lib/credentials/service";
import { DomainError } from "@/lib/core/errors";
import { errorMessage } from "@/lib/errors/catalog";
import { inTransaction, type Tx } from "@/lib/core/transaction";
import { FRESH_OTP_WINDOW_MS, MAX_PHONES_PER_CREDENTIAL } from "@/lib/otp/policy";
import { phoneFingerprint, sendCode, verifyCode } from "@/lib/otp/service";
import { hasFreshOtp, rotateToOtpSession } from "@/lib/sessions/service";
import { checkPhone, countryOf, fieldOf, maskPhone } from "./phones";
import * as repo from "./repository";
import type {
  ConfirmPhoneInput,
  PhoneIdInput,
  RecoveryPhoneInput,
  SendSignInCodeInput,
  StartPhoneRegistrationInput,
} from "./schemas";

export type MaskedPhone = { id: string; label: string; isDefault: boolean };

type Session = Pick<CurrentSession, "userId" | "sessionId" | "otpAt" | "passwordAt">;

/** Adding a phone to an account that has one needs a password at most this old (else: sign in again). */
const PHONE_CHANGE_PASSWORD_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** A typed number checked for its country and channel; refused with the problem on the field it concerns. */
function parseNewPhone(input: { country: string; phone: string; channel: "SMS" | "VOICE" }) {
  const parsed = checkPhone(input.country, input.phone, input.channel);
  if ("problem" in parsed) {
    throw new DomainError(parsed.problem, {
      fieldErrors: { [fieldOf(parsed.problem)]: errorMessage(parsed.problem) },
    });
  }
  return parsed;
}

/** A confirmed number as its row stores it: sealed, fingerprinted, and only its last two digits readable. */
function phoneRow(userId: string, credentialId: string, e164: string) {
  return {
    userId,
    credentialId,
    e164Encrypted: encrypt(e164),
    e164Fingerprint: phoneFingerprint(e164),
    country: countryOf(e164),
    lastDigits: e164.slice(-2),
  };
}

function masked(p: repo.PhoneView): MaskedPhone {
  return { id: p.id, label: maskPhone(p.country, p.lastDigits), isDefault: p.isDefault };
}

async function requireCredential(session: Session, credentialId: string, now: Date) {
  const credential = await repo.findCredential(session.userId, credentialId);
  if (!credential) throw new DomainError("phones.credential_not_found");
  if (credential.expiresAt <= now) throw new DomainError("phones.credential_not_ready");
  const phones = await repo.listPhones(credential.id);
  // A credential going through a proofing upgrade keeps managing the phones it already has.
  const upgrading = credential.status === "PROOFING_REQUIRED" && phones.length > 0;
  if (credential.status !== "PHONE_REGISTRATION_REQUIRED" && credential.status !== "ACTIVE" && !upgrading) {
    throw new DomainError("phones.credential_not_ready");
  }
  // The account's first phone is set up right after activation. Once it has an active phone on any
  // credential, adding another (to this credential or a second one) needs a phone OTP within 20 minutes on
  // an existing phone and a password at most 12 hours old: a stolen password alone adds no phone.
  const hasPhones = phones.length > 0 || (await repo.hasProtectingPhone(session.userId));
  const needsSignIn =
    hasPhones && now.getTime() - session.passwordAt.getTime() > PHONE_CHANGE_PASSWORD_MAX_AGE_MS;
  const needsFreshOtp = hasPhones && (needsSignIn || !hasFreshOtp(session, now, FRESH_OTP_WINDOW_MS));
  return { credential, phones, needsFreshOtp, needsSignIn };
}

/** What the Set up phone one-time passcode page shows. */
export async function getPhoneSetup(session: Session, credentialId: string, now = new Date()) {
  const { credential, phones, needsFreshOtp, needsSignIn } = await requireCredential(
    session,
    credentialId,
    now,
  );
  return {
    credentialId: credential.id,
    phones: phones.map(masked),
    isFull: phones.length >= MAX_PHONES_PER_CREDENTIAL,
    needsFreshOtp,
    needsSignIn,
  };
}

/**
 * Checks the number for its country and channel, then texts or calls a confirmation code bound to this
 * session. Refuses numbers we cannot or will not send to, a full credential, and (after the first phone) a
 * session without a recent phone OTP.
 */
export async function startPhoneRegistration(
  session: Session,
  input: StartPhoneRegistrationInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ expiresAt: Date; label: string }> {
  const { credential, phones, needsFreshOtp } = await requireCredential(session, input.credentialId, now);
  if (needsFreshOtp) throw new DomainError("phones.fresh_otp_required");
  if (phones.length >= MAX_PHONES_PER_CREDENTIAL) throw new DomainError("phones.limit_reached");
  const parsed = parseNewPhone(input);
  if (await repo.hasPhone(credential.id, phoneFingerprint(parsed.e164))) {
    throw new DomainError("phones.already_registered", {
      fieldErrors: { phone: errorMessage("phones.already_registered") },
    });
  }
  const { expiresAt } = await sendCode({
    userId: session.userId,
    purpose: "PHONE_CONFIRM",
    channel: input.channel,
    e164: parsed.e164,
    phoneId: null,
    binding: `${session.sessionId}:${credential.id}`,
    request,
    now,
  });
  return { expiresAt, label: maskPhone(parsed.country, parsed.lastDigits) };
}

/**
 * Checks the confirmation code and registers the phone. The first phone activates the credential, and the
 * code (bound to this session) counts as this session's phone OTP.
 */
export async function confirmPhone(
  session: Session,
  input: ConfirmPhoneInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ phoneId: string; isFirst: boolean }> {
  const { credential, phones, needsFreshOtp } = await requireCredential(session, input.credentialId, now);
  if (needsFreshOtp) throw new DomainError("phones.fresh_otp_required");
  // Refused before the code is checked, so a full credential does not spend the user's code.
  if (phones.length >= MAX_PHONES_PER_CREDENTIAL) throw new DomainError("phones.limit_reached");
  const verified = await verifyCode({
    userId: session.userId,
    purpose: "PHONE_CONFIRM",
    code: input.code,
    binding: `${session.sessionId}:${credential.id}`,
    request,
    now,
  });
  const result = await inTransaction(async (tx) => {
    const added = await repo.insertPhoneLocked(
      phoneRow(session.userId, credential.id, verified.e164),
      MAX_PHONES_PER_CREDENTIAL,
      now,
      tx,
    );
    if (added === "full") throw new DomainError("phones.limit_reached");
    if (added === "duplicate") throw new DomainError("phones.already_registered");
    // The code proves this new phone only: the session's own phone OTP time stays as it was.
    await applyCredentialEvent(credential.id, { type: "ACTIVATE_PHONES" }, tx);
    await recordAudit(
      {
        type: "PHONE_ADDED",
        result: "SUCCESS",
        actorId: session.userId,
        subjectUserId: session.userId,
        ...request,
        detail: {
          credentialId: credential.id,
          phoneId: added.id,
          label: maskPhone(countryOf(verified.e164), verified.e164.slice(-2)),
          channel: verified.channel,
        },
      },
      tx,
    );
    return { phoneId: added.id, isFirst: added.isFirst };
  });
  await notifyPhoneChange(session.userId, "added", result.phoneId);
  return result;
}

/** The registered phones a user chooses from at sign-in, masked. */
export async function listSignInPhones(userId: string, then?: SqlStep): Promise<MaskedPhone[]> {
  return (await repo.listUserPhones(userId, then)).map(masked);
}

/** Whether sign-in needs the phone OTP: the user has a phone on a credential that is not revoked (expired too). */
export function requiresPhoneOtp(userId: string): Promise<boolean> {
  return repo.hasProtectingPhone(userId);
}

/**
 * Whether a phone OTP of this user counts as a second factor for partners (acr): only while a credential with a
 * phone has not expired. An expired one still guards the MAG sign-in (requiresPhoneOtp).
 */
export function hasCurrentSecondFactor(userId: string, now = new Date()): Promise<boolean> {
  return repo.hasActivePhone(userId, now);
}

/** The E.164 number of one of the user's sign-in phones, or null. */
export async function signInPhoneNumber(userId: string, phoneId: string): Promise<{ e164: string } | null> {
  const phone = await repo.findUserPhone(userId, phoneId);
  return phone ? { e164: decrypt(phone.e164Encrypted) } : null;
}

/** How long an emailed approval lets one code go to a phone with a recent SIM swap. */
export const RISK_APPROVAL_MS = 30 * 60_000;

/** The owner approved, from the emailed link, one code to this phone despite its recent SIM swap. */
export async function grantPhoneRiskApproval(phoneId: string, now = new Date()): Promise<void> {
  await repo.grantRiskApproval(phoneId, new Date(now.getTime() + RISK_APPROVAL_MS));
}

/** Spends that approval (one code); false when there is none left. */
export function consumePhoneRiskApproval(phoneId: string, now = new Date()): Promise<boolean> {
  return repo.consumeRiskApproval(phoneId, now);
}

/** The masked label of one of the user's phones (US ••• ••• ••43), for emails and pages. */
export async function userPhoneLabel(userId: string, phoneId: string): Promise<string | null> {
  const phone = await repo.findPhoneDisplay(userId, phoneId);
  return phone ? maskPhone(phone.country, phone.lastDigits) : null;
}

/**
 * Tells the user about a change to their phones: an email, and a text to each other registered phone,
 * so a hijacked session cannot quietly swap in its own number (NIST 800-63B §6.1.2.1).
 */
async function notifyPhoneChange(
  userId: string,
  what: "added" | "removed" | "made the default",
  phoneId: string | null,
) {
  const user = await repo.findUserContact(userId);
  const text = `A phone number was ${what} on your MAG account. If this was not you, contact MAG support now.`;
  try {
    if (user) {
      await sendEmail({
        to: user.email,
        subject: `A phone number was ${what} on your MAG account`,
        text: `Hello ${user.firstName},\n\n${text}\n\n— Managed Access Gateway (MAG)`,
      });
    }
    for (const other of await repo.listOtherPhoneNumbers(userId, what === "removed" ? null : phoneId)) {
      await sendSms({ to: decrypt(other.e164Encrypted), body: text });
    }
  } catch (error) {
    logger().warn({ err: (error as Error).message }, "phone change notice not delivered");
  }
}

/** My Account › Manage OTP: the user's active credentials with their phones, masked. */
export async function getManagedPhones(session: Session, now = new Date()) {
  const credentials = await repo.listManagedCredentials(session.userId);
  return {
    credentials: credentials.map((c) => ({
      id: c.id,
      productName: c.productName,
      phones: c.phones.map(masked),
      isFull: c.phones.length >= MAX_PHONES_PER_CREDENTIAL,
    })),
    hasFreshOtp: hasFreshOtp(session, now, FRESH_OTP_WINDOW_MS),
  };
}

/** Step-up: a code to one of the user's phones, bound to this session. */
export async function sendStepUpCode(
  session: Session,
  input: SendSignInCodeInput,
  request: RequestInfo,
  now = new Date(),
) {
  const phone = await signInPhoneNumber(session.userId, input.phoneId);
  if (!phone)
    throw new DomainError("phones.not_found", { fieldErrors: { phoneId: "Choose one of your phones." } });
  return sendCode({
    userId: session.userId,
    purpose: "STEP_UP",
    channel: input.channel,
    e164: phone.e164,
    phoneId: input.phoneId,
    binding: session.sessionId,
    request,
    now,
  });
}

/**
 * A right step-up code replaces this session with one whose phone OTP is fresh for the next 20 minutes (a new
 * session id: its level rose). Returns the ticket that opens it.
 */
export async function confirmStepUp(
  session: Session,
  code: string,
  request: RequestInfo,
  now = new Date(),
): Promise<{ ticket: string; sessionId: string }> {
  const { channel } = await verifyCode({
    userId: session.userId,
    purpose: "STEP_UP",
    code,
    binding: session.sessionId,
    request,
    now,
  });
  const rotated = await rotateToOtpSession(session.sessionId, channel, request, now);
  if (!rotated) throw new DomainError("auth.unauthenticated");
  return rotated;
}

function requireFresh(session: Session, now: Date) {
  if (!hasFreshOtp(session, now, FRESH_OTP_WINDOW_MS)) throw new DomainError("phones.fresh_otp_required");
}

/** Another user's phone is refused as unknown (404, audited) before the step-up check. */
async function requireOwnPhoneAndFreshOtp(session: Session, phoneId: string, now: Date) {
  if (!(await repo.findUserPhone(session.userId, phoneId))) throw new DomainError("phones.not_found");
  requireFresh(session, now);
}

/** Removes a phone (never a credential's last one); needs a phone OTP within the last 20 minutes. */
export async function removePhone(
  session: Session,
  input: PhoneIdInput,
  request: RequestInfo,
  now = new Date(),
) {
  await requireOwnPhoneAndFreshOtp(session, input.phoneId, now);
  // Named in the audit row, so the credential's timeline can still say which phone went.
  const shown = await repo.findPhoneDisplay(session.userId, input.phoneId);
  const outcome = await inTransaction(async (tx) => {
    const result = await repo.deletePhoneLocked(session.userId, input.phoneId, tx);
    if (result === "removed") {
      const named = shown
        ? { credentialId: shown.credentialId, label: maskPhone(shown.country, shown.lastDigits) }
        : {};
      await recordAudit(
        {
          type: "PHONE_REMOVED",
          result: "SUCCESS",
          actorId: session.userId,
          subjectUserId: session.userId,
          ...request,
          detail: { phoneId: input.phoneId, ...named },
        },
        tx,
      );
    }
    return result;
  });
  if (outcome === "missing") throw new DomainError("phones.not_found");
  if (outcome === "last") throw new DomainError("phones.last_phone");
  await notifyPhoneChange(session.userId, "removed", input.phoneId);
}

/** Chooses the phone offered first at sign-in; needs a fresh phone OTP like any other change. */
export async function setDefaultPhone(
  session: Session,
  input: PhoneIdInput,
  request: RequestInfo,
  now = new Date(),
) {
  await requireOwnPhoneAndFreshOtp(session, input.phoneId, now);
  const changed = await inTransaction(async (tx) => {
    if (!(await repo.makeDefault(session.userId, input.phoneId, tx))) return false;
    await recordAudit(
      {
        type: "PHONE_DEFAULT_CHANGED",
        result: "SUCCESS",
        actorId: session.userId,
        subjectUserId: session.userId,
        ...request,
        detail: { phoneId: input.phoneId },
      },
      tx,
    );
    return true;
  });
  if (!changed) throw new DomainError("phones.not_found");
  await notifyPhoneChange(session.userId, "made the default", input.phoneId);
}

/**
 * Texts every registered phone of the user (a recovery code was used: whoever still holds a lost phone learns
 * of it). Delivery problems are logged, never raised: the notice must not block the user's recovery.
 */
export async function textEveryPhone(userId: string, body: string): Promise<void> {
  try {
    for (const phone of await repo.listOtherPhoneNumbers(userId, null)) {
      await sendSms({ to: decrypt(phone.e164Encrypted), body });
    }
  } catch (error) {
    logger().warn({ err: (error as Error).message }, "recovery notice not delivered");
  }
}

/** What the recovery's new phone replaces: the user's phones, masked (an empty list: nothing to recover). */
export async function lostPhones(userId: string): Promise<MaskedPhone[]> {
  return listSignInPhones(userId);
}

/** The binding of a recovery phone's confirmation code: the recovered sign-in it was sent for. */
const recoveryBinding = (challengeId: string) => `recovery:${challengeId}`;

/**
 * After a recovery code: texts or calls a confirmation code to the new phone, bound to the recovered sign-in.
 * The same number rules as any new phone.
 */
export async function sendReplacementPhoneCode(
  userId: string,
  challengeId: string,
  input: RecoveryPhoneInput,
  request: RequestInfo,
  now = new Date(),
): Promise<{ expiresAt: Date; label: string }> {
  const parsed = parseNewPhone(input);
  const { expiresAt } = await sendCode({
    userId,
    purpose: "PHONE_CONFIRM",
    channel: input.channel,
    e164: parsed.e164,
    phoneId: null,
    binding: recoveryBinding(challengeId),
    request,
    now,
  });
  return { expiresAt, label: maskPhone(parsed.country, parsed.lastDigits) };
}

/**
 * The recovery's new phone was confirmed with its code: in one transaction it replaces every phone of the
 * account (the lost ones can no longer receive codes) on the latest-expiring credential that had phones; the
 * user's other credentials wait for a new first phone. Returns the confirmation's channel.
 */
export async function replaceLostPhones(
  userId: string,
  challengeId: string,
  code: string,
  request: RequestInfo,
  now = new Date(),
): Promise<{ channel: "SMS" | "VOICE" }> {
  const credential = await repo.findRecoveryCredential(userId);
  if (!credential) throw new DomainError("phones.credential_not_found");
  const verified = await verifyCode({
    userId,
    purpose: "PHONE_CONFIRM",
    code,
    binding: recoveryBinding(challengeId),
    request,
    now,
  });
  const phoneId = await inTransaction(async (tx) => {
    const removed = await repo.deleteAllPhones(userId, tx);
    await requirePhonesOfUser(userId, tx);
    const added = await repo.insertPhoneLocked(
      phoneRow(userId, credential.id, verified.e164),
      MAX_PHONES_PER_CREDENTIAL,
      now,
      tx,
    );
    if (typeof added === "string") throw new Error(`recovery phone could not be added: ${added}`);
    await applyCredentialEvent(credential.id, { type: "ACTIVATE_PHONES" }, tx);
    await recordAudit(
      {
        type: "PHONES_RECOVERED",
        result: "SUCCESS",
        actorId: userId,
        subjectUserId: userId,
        ...request,
        detail: { credentialId: credential.id, phoneId: added.id, removed },
      },
      tx,
    );
    return added.id;
  });
  await notifyPhoneChange(userId, "added", phoneId);
  return { channel: verified.channel };
}

/**
 * Releases the phones of credentials that expired 90 days ago or more and were not renewed (warned at 60 days):
 * each in its own transaction holding the credential, audited, the owner emailed. A renewal keeps them; so does a
 * second worker running at the same moment (it finds nothing). Returns how many credentials lost their phones.
 */
export async function releaseLapsedPhones(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PHONE_RELEASE_DAYS * 86_400_000);
  let released = 0;
  for (const credentialId of await repo.listLapsedCredentialsWithPhones(before, 100)) {
    const outcome = await inTransaction(async (tx) => {
      const deleted = await repo.deleteLapsedPhones(credentialId, before, tx);
      if (!deleted) return null;
      await applyCredentialEvent(credentialId, { type: "REQUIRE_PHONES" }, tx);
      await recordAudit(
        {
          type: "PHONES_RELEASED",
          result: "SUCCESS",
          subjectUserId: deleted.userId,
          detail: { credentialId, removed: deleted.removed },
        },
        tx,
      );
      return deleted;
    });
    if (!outcome) continue;
    released += 1;
    const user = await repo.findUserContact(outcome.userId);
    if (user) {
      await sendEmail({
        to: user.email,
        subject: "The phones of your expired MAG credential were released",
        text: `Hello ${user.firstName},\n\nYour credential expired more than ${PHONE_RELEASE_DAYS} days ago and was not renewed, so its ${outcome.removed === 1 ? "phone number was" : `${outcome.removed} phone numbers were`} released: they no longer receive one-time passcodes for it. If you renew it or buy a new credential, register your phones again.\n\n— Managed Access Gateway (MAG)`,
      }).catch((error: unknown) =>
        logger().warn({ err: (error as Error).message }, "phone release notice not delivered"),
      );
    }
  }
  return released;
}

/**
 * Support resets a user's phones (a lost phone): every phone is removed and active credentials wait for a new
 * first phone, which the user registers after signing in with the password. Inside the caller's transaction.
 */
export async function resetAllPhones(userId: string, tx: Tx): Promise<number> {
  const removed = await repo.deleteAllPhones(userId, tx);
  await requirePhonesOfUser(userId, tx);
  return removed;
}
