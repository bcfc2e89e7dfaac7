import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { decrypt, encrypt } from "@/lib/core/crypto";
import { DomainError, ERROR_MESSAGES } from "@/lib/core/errors";
import { inTransaction } from "@/lib/core/transaction";
import { FRESH_OTP_WINDOW_MS, MAX_PHONES_PER_CREDENTIAL } from "@/lib/otp/policy";
import { phoneFingerprint, sendCode, verifyCode } from "@/lib/otp/service";
import { hasFreshOtp, markOtpAuthenticated, type CurrentSession, type RequestInfo } from "@/lib/sessions/service";
import { checkPhone, countryOf, fieldOf, maskPhone } from "./phones";
import * as repo from "./repository";
import type { ConfirmPhoneInput, StartPhoneRegistrationInput } from "./schemas";

export type MaskedPhone = { id: string; label: string; isDefault: boolean };

type Session = Pick<CurrentSession, "userId" | "sessionId" | "otpAt">;

function masked(p: repo.PhoneView): MaskedPhone {
  return { id: p.id, label: maskPhone(p.country, p.lastDigits), isDefault: p.isDefault };
}

async function requireCredential(session: Session, credentialId: string, now: Date) {
  const credential = await repo.findCredential(session.userId, credentialId);
  if (!credential || credential.expiresAt <= now) throw new DomainError("phones.credential_not_ready");
  if (credential.status !== "PHONE_REGISTRATION_REQUIRED" && credential.status !== "ACTIVE") {
    throw new DomainError("phones.credential_not_ready");
  }
  const phones = await repo.listPhones(credential.id);
  // The first phone is set up right after activation; every later change needs a recent phone OTP.
  const needsFreshOtp = phones.length > 0 && !hasFreshOtp(session, now, FRESH_OTP_WINDOW_MS);
  return { credential, phones, needsFreshOtp };
}

/** What the Set up phone one-time passcode page shows. */
export async function getPhoneSetup(session: Session, credentialId: string, now = new Date()) {
  const { credential, phones, needsFreshOtp } = await requireCredential(session, credentialId, now);
  return {
    credentialId: credential.id,
    phones: phones.map(masked),
    isFull: phones.length >= MAX_PHONES_PER_CREDENTIAL,
    needsFreshOtp,
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
  const parsed = checkPhone(input.country, input.phone, input.channel);
  if ("problem" in parsed) {
    throw new DomainError(parsed.problem, { fieldErrors: { [fieldOf(parsed.problem)]: ERROR_MESSAGES[parsed.problem] } });
  }
  if (await repo.hasPhone(credential.id, phoneFingerprint(parsed.e164))) {
    throw new DomainError("phones.already_registered", { fieldErrors: { phone: ERROR_MESSAGES["phones.already_registered"] } });
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
  const { credential, needsFreshOtp } = await requireCredential(session, input.credentialId, now);
  if (needsFreshOtp) throw new DomainError("phones.fresh_otp_required");
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
      {
        userId: session.userId,
        credentialId: credential.id,
        e164Encrypted: encrypt(verified.e164),
        e164Fingerprint: phoneFingerprint(verified.e164),
        country: countryOf(verified.e164),
        lastDigits: verified.e164.slice(-2),
      },
      MAX_PHONES_PER_CREDENTIAL,
      now,
      tx,
    );
    if (added === "full") throw new DomainError("phones.limit_reached");
    if (added === "duplicate") throw new DomainError("phones.already_registered");
    if (added.isFirst) await repo.activateCredential(credential.id, tx);
    await markOtpAuthenticated(session.sessionId, now, tx);
    await recordAudit(
      {
        type: "PHONE_ADDED",
        result: "SUCCESS",
        actorId: session.userId,
        subjectUserId: session.userId,
        ...request,
        detail: { credentialId: credential.id, phoneId: added.id },
      },
      tx,
    );
    return { phoneId: added.id, isFirst: added.isFirst };
  });
  return result;
}

/** The registered phones a user chooses from at sign-in, masked. */
export async function listSignInPhones(userId: string): Promise<MaskedPhone[]> {
  return (await repo.listUserPhones(userId)).map(masked);
}

/** Whether sign-in needs the phone OTP: the user has an active credential with a phone. */
export function requiresPhoneOtp(userId: string, now = new Date()): Promise<boolean> {
  return repo.hasActivePhone(userId, now);
}

/** The E.164 number of one of the user's sign-in phones, or null. */
export async function signInPhoneNumber(userId: string, phoneId: string): Promise<{ e164: string } | null> {
  const phone = await repo.findUserPhone(userId, phoneId);
  return phone ? { e164: decrypt(phone.e164Encrypted) } : null;
}
