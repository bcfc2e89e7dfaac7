import "server-only";
import { channelProblem, lineProblem, type Channel } from "@/lib/phones/phones";
import { errorMessage } from "@/lib/errors/catalog";
import { auditInSameStatement, recordAudit } from "@/lib/audit/service";
import { decrypt, encrypt, keyedHash } from "@/lib/core/crypto";
import { DomainError, formatWait } from "@/lib/core/errors";
import {
  checkLimits,
  limitRefusal,
  limitsInStatement,
  refundLimits,
  type LimitCheck,
  type LimitsResult,
} from "@/lib/core/rate-limit";
import type { SqlStep } from "@/lib/core/sql";
import type { OtpPurpose } from "@/lib/generated/prisma/client";
import {
  checkLine,
  DeliveryError,
  keepLineCheck,
  lineCheckFreshSince,
  phoneMessageStep,
  placeVoiceCall,
  sendEmail,
  sendSms,
  type LineInfo,
  type SentMessage,
} from "@/lib/messaging/service";
import type { Tx } from "@/lib/core/transaction";
import type { RequestInfo } from "@/lib/core/caller";
import { generateCode, textMessage, unusableReason, voiceMessage } from "./otp";
import {
  LOCKOUT_LADDER_MS,
  MAX_ATTEMPTS_PER_CODE,
  MAX_CONSECUTIVE_FAILURES,
  MAX_FAILURES_SINCE_SIGN_IN,
  OTP_TTL_MS,
  WARN_WHEN_REMAINING,
} from "./policy";
import * as repo from "./repository";
import { countOtpSend } from "@/lib/ops/metrics";

/** Keyed fingerprint of a phone number: how limits and duplicates recognise it without storing it in clear. */
export function phoneFingerprint(e164: string): string {
  return keyedHash("phone", e164);
}

function bindingHash(purpose: OtpPurpose, binding: string): string {
  return keyedHash("otp-binding", `${purpose}:${binding}`);
}

function refuseIfLocked(guard: repo.Guard | null, now: Date) {
  if (guard?.disabledAt) throw new DomainError("otp.disabled");
  if (guard?.lockedUntil && guard.lockedUntil > now) {
    throw new DomainError("otp.locked", {
      retryAfterSeconds: Math.ceil((guard.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
}

/**
 * Per-number send limits are counted apart for codes that confirm a number being registered (which anyone may
 * type) and codes to a number already registered (sign-in, step-up): a stranger registering someone's number
 * cannot spend the sends that person needs to sign in.
 */
export function sendScope(purpose: OtpPurpose): "register" | "signin" {
  return purpose === "PHONE_CONFIRM" ? "register" : "signin";
}

export type SendCodeInput = {
  userId: string;
  purpose: OtpPurpose;
  channel: Channel;
  e164: string;
  phoneId: string | null;
  binding: string;
  request: RequestInfo;
  now?: Date;
  /** Spends the owner's emailed approval of this phone despite a recent SIM swap (sign-in only). */
  spendRiskApproval?: () => Promise<boolean>;
  /** The account's lock and the number's cached line check, when the caller read them with its own data. */
  preflight?: repo.SendPreflight;
};

/**
 * Sends a new code for `purpose` to `e164`, replacing the earlier one, bound to `binding` (a session or a
 * pending sign-in) and to the phone. Counts against the per-phone, per-account and per-IP limits, except
 * when delivery fails. Returns when the code expires.
 */
export async function sendCode(input: SendCodeInput): Promise<{ expiresAt: Date }> {
  const now = input.now ?? new Date();
  const problem = channelProblem(input.e164, input.channel);
  if (problem) throw new DomainError(problem, { fieldErrors: { channel: errorMessage(problem) } });
  const fingerprint = phoneFingerprint(input.e164);
  const preflight =
    input.preflight ?? (await repo.findSendPreflight(input.userId, fingerprint, lineCheckFreshSince(now)));
  refuseIfLocked(preflight.guard, now);
  const keepLine = await refuseRiskyLine(input, fingerprint, now, preflight.line);
  const code = generateCode();
  const message = {
    channel: input.channel === "SMS" ? ("sms" as const) : ("voice" as const),
    to: input.e164,
    body: input.channel === "SMS" ? textMessage(code) : voiceMessage(code),
  };
  const limits = sendLimits(input.userId, `${sendScope(input.purpose)}:${fingerprint}`, input.request);
  const stored = {
    userId: input.userId,
    purpose: input.purpose,
    channel: input.channel,
    targetFingerprint: fingerprint,
    targetEncrypted: encrypt(input.e164),
    phoneId: input.phoneId,
    bindingHash: bindingHash(input.purpose, input.binding),
    codeHash: keyedHash("otp", code),
    expiresAt: new Date(now.getTime() + OTP_TTL_MS),
  };
  let inStatement: SqlStep | null;
  try {
    inStatement = phoneMessageStep(message);
  } catch (error) {
    throw deliveryFailure(input, error);
  }
  if (inStatement) await storeWithLocalMessage(input, stored, limits, [inStatement, keepLine], now);
  else await deliverThenStore(input, stored, limits, message, keepLine, now);
  countOtpSend(input.channel, "sent");
  return { expiresAt: stored.expiresAt };
}

/** The OTP_SENT audit row; the provider's SID (if any) ties the send to its delivery reports. */
function sentAudit(input: SendCodeInput, sid: string | null) {
  return auditInSameStatement({
    type: "OTP_SENT",
    result: "SUCCESS",
    actorId: input.userId,
    subjectUserId: input.userId,
    ...input.request,
    detail: { purpose: input.purpose, channel: input.channel, phoneId: input.phoneId, sid },
  });
}

/**
 * The local provider (demo mode): the send limits, the code, its audit row and the outbox message in one
 * statement; nothing is stored when a limit refuses.
 */
async function storeWithLocalMessage(
  input: SendCodeInput,
  code: repo.NewCode,
  limits: LimitCheck[],
  after: (SqlStep | null)[],
  now: Date,
): Promise<void> {
  const inStatement = limitsInStatement(limits);
  if (!inStatement) await spendSendLimits(input, limits);
  const result = await repo.replaceCode(code, now, sentAudit(input, null), { limits: inStatement, after });
  if (result.stored) return;
  await refuseSend(input, limits, await inStatement!.outcome(result.limits));
}

/**
 * A real provider: limits spent, the message delivered, then the code stored. A failed resend leaves the
 * earlier code working, an undelivered code is never stored (so can never be used), and a failed delivery
 * counts against no limit.
 */
async function deliverThenStore(
  input: SendCodeInput,
  code: repo.NewCode,
  limits: LimitCheck[],
  message: { channel: "sms" | "voice"; to: string; body: string },
  keepLine: SqlStep | null,
  now: Date,
): Promise<void> {
  await spendSendLimits(input, limits);
  let sent: SentMessage;
  try {
    sent =
      message.channel === "sms"
        ? await sendSms({ to: message.to, body: message.body })
        : await placeVoiceCall({ to: message.to, say: message.body });
  } catch (error) {
    await refundLimits(limits);
    throw deliveryFailure(input, error);
  }
  await repo.replaceCode(code, now, sentAudit(input, sent.providerId), { after: [keepLine] });
}

/** What the caller is told of a message the provider did not take. */
function deliveryFailure(input: SendCodeInput, error: unknown): unknown {
  countOtpSend(input.channel, "failed");
  if (error instanceof DeliveryError)
    return new DomainError(error.retryable ? "otp.delivery_failed" : "otp.undeliverable");
  return error;
}

/**
 * Asks the carrier (cached a day) what the number is before any code goes to it: a refused kind of line is
 * never registered, a landline gets no text, and a SIM swapped or ported in the last 72 hours gets no code at
 * all. Refusals are audited and cost no send. A failed or slow lookup is audited and the send goes on with the
 * built-in rules. Returns the write that caches a fresh lookup, for the statement that stores the code.
 */
async function refuseRiskyLine(
  input: SendCodeInput,
  fingerprint: string,
  now: Date,
  cached: LineInfo | null,
): Promise<SqlStep | null> {
  const { line, keep } = await checkLine(input.e164, fingerprint, now, cached);
  const audit = { actorId: input.userId, subjectUserId: input.userId, ...input.request };
  if (!line) {
    await recordAudit({
      type: "PHONE_LOOKUP_FAILED",
      result: "FAILURE",
      ...audit,
      detail: { purpose: input.purpose },
    });
    return null;
  }
  const problem = lineProblem(line, {
    registering: input.purpose === "PHONE_CONFIRM",
    channel: input.channel,
    now,
  });
  if (!problem) return keep;
  if (problem === "otp.sim_swap_recent" && (await input.spendRiskApproval?.())) return keep;
  await keepLineCheck(keep);
  await recordAudit({
    type: "PHONE_LINE_REFUSED",
    result: "FAILURE",
    ...audit,
    detail: { purpose: input.purpose, channel: input.channel, lineType: line.lineType, reason: problem },
  });
  throw new DomainError(problem, {
    fieldErrors: { [problem === "phones.sms_to_landline" ? "channel" : "phone"]: errorMessage(problem) },
  });
}

/** The send limits: per IP, per account, and the gap and count per number (`perPhone`). */
function sendLimits(userId: string, perPhone: string, request: RequestInfo): LimitCheck[] {
  return [
    { name: "otp.send.ip", key: request.ip ?? "unknown" },
    { name: "otp.send.account", key: userId },
    { name: "otp.send.phone_gap", key: perPhone },
    { name: "otp.send.phone", key: perPhone },
  ];
}

/** Spends a point of each send limit on its own (Redis limits, or a real provider); refuses as refuseSend. */
async function spendSendLimits(input: SendCodeInput, limits: LimitCheck[]): Promise<void> {
  const result = await checkLimits(limits);
  if (!result.allowed) await refuseSend(input, limits, result);
}

/**
 * A refused send is audited and counts against nothing but the limit that refused it (the points the others
 * spent are given back).
 */
async function refuseSend(input: SendCodeInput, limits: LimitCheck[], result: LimitsResult): Promise<never> {
  if (result.allowed) throw new Error("refuseSend: no limit refused");
  countOtpSend(input.channel, "refused");
  await refundLimits(
    limits.slice(
      0,
      limits.findIndex((l) => l.name === result.refusedBy),
    ),
  );
  await recordAudit({
    type: "OTP_SEND_REFUSED",
    result: "DENIED",
    subjectUserId: input.userId,
    ...input.request,
    detail: { limit: result.refusedBy },
  });
  throw limitRefusal(result);
}

export type { SendPreflight, SendPreflightRow } from "./repository";
export { sendPreflightOf } from "./repository";

export type VerifiedCode = { e164: string; phoneId: string | null; channel: Channel };

/**
 * Checks a code for `purpose` bound to `binding`. At most 5 tries per code are ever evaluated; 10
 * consecutive failures on the account (across codes and resends) lock codes for 15 minutes and email the
 * user. A right code is consumed by one row update, so it works once; `then` (another module's step, such as
 * opening the session of a sign-in) is made by that same statement, and `followedUp` tells whether it was.
 */
export async function verifyCode(input: {
  userId: string;
  purpose: OtpPurpose;
  code: string;
  binding: string;
  request: RequestInfo;
  now?: Date;
  then?: Required<SqlStep>;
}): Promise<VerifiedCode & { followedUp?: boolean }> {
  const now = input.now ?? new Date();
  const checked = await repo.spendAndCheck(
    {
      userId: input.userId,
      purpose: input.purpose,
      codeHash: keyedHash("otp", input.code),
      bindingHash: bindingHash(input.purpose, input.binding),
    },
    MAX_ATTEMPTS_PER_CODE,
    now,
    auditInSameStatement({
      type: "OTP_VERIFIED",
      result: "SUCCESS",
      actorId: input.userId,
      subjectUserId: input.userId,
      ...input.request,
      detail: { purpose: input.purpose },
    }),
    input.then ?? null,
  );
  if (!checked) {
    // Nothing was spent: only a refused try looks up why (the lock first).
    refuseIfLocked(await repo.findGuard(input.userId), now);
    throw new DomainError(
      unusableReason(await repo.findCode(input.userId, input.purpose), now) ?? "otp.incorrect",
    );
  }
  if (!checked.isRight) throw await wrongCode(input, checked.attempts, input.request, now);
  return {
    e164: decrypt(checked.targetEncrypted),
    phoneId: checked.phoneId,
    channel: checked.channel,
    ...(input.then ? { followedUp: checked.followedUp } : {}),
  };
}

/**
 * A wrong code (or a right code bound to another sign-in): counted against the account, which locks codes
 * after 10 in a row and disables phone sign-in at the lifetime cap. Returns the refusal to throw.
 */
async function wrongCode(
  { userId, purpose }: { userId: string; purpose: OtpPurpose },
  attempts: number,
  request: RequestInfo,
  now: Date,
): Promise<DomainError> {
  const { consecutive: failures, disabledNow } = await repo.addFailure(
    userId,
    MAX_FAILURES_SINCE_SIGN_IN,
    now,
  );
  await recordAudit({
    type: "OTP_FAILED",
    result: "FAILURE",
    subjectUserId: userId,
    ...request,
    detail: { purpose },
  });
  if (disabledNow) await disablePhoneSignIn(userId, request);
  if (disabledNow) return new DomainError("otp.disabled");
  if (failures >= MAX_CONSECUTIVE_FAILURES) return lockCodes(userId, request, now);
  const left = MAX_CONSECUTIVE_FAILURES - failures;
  const warning =
    left <= WARN_WHEN_REMAINING
      ? `That code is not correct. ${left} ${left === 1 ? "try remains" : "tries remain"} before codes are locked.`
      : "That code is not correct.";
  return new DomainError(attempts >= MAX_ATTEMPTS_PER_CODE ? "otp.too_many_tries" : "otp.incorrect", {
    fieldErrors: { code: warning },
  });
}

/** Locks codes for the next step of the ladder (15 min, 1 h, 4 h); returns the refusal to throw. */
async function lockCodes(userId: string, request: RequestInfo, now: Date): Promise<DomainError> {
  const until = await repo.lock(userId, LOCKOUT_LADDER_MS, now);
  if (until) {
    const length = formatWait((until.getTime() - now.getTime()) / 1000);
    await recordAudit({
      type: "OTP_LOCKED",
      result: "DENIED",
      subjectUserId: userId,
      ...request,
      detail: { length },
    });
    await emailUser(
      userId,
      `Your one-time passcodes are locked for ${length}`,
      `Someone entered 10 wrong one-time passcodes for your MAG account in a row, so codes are locked for ${length}. Each further lock lasts longer.`,
    );
  }
  // A concurrent wrong code set the lock first: this one reports the same lock.
  const guard = await repo.findGuard(userId);
  const left = guard?.lockedUntil ? Math.max(1, (guard.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
  return new DomainError("otp.locked", { retryAfterSeconds: Math.ceil(left) });
}

/** The lifetime cap was reached: phone OTP sign-in stays off until support recovers the account. */
async function disablePhoneSignIn(userId: string, request: RequestInfo) {
  const detail = { reason: "lifetime_cap", failures: MAX_FAILURES_SINCE_SIGN_IN };
  await recordAudit({ type: "OTP_LOCKED", result: "DENIED", subjectUserId: userId, ...request, detail });
  await emailUser(
    userId,
    "Phone sign-in to your MAG account is disabled",
    `${MAX_FAILURES_SINCE_SIGN_IN} wrong one-time passcodes were entered for your MAG account since you last signed in, so signing in with a phone code is disabled. Contact MAG support to recover your account; they will check your identity first.`,
  );
}

async function emailUser(userId: string, subject: string, body: string) {
  const user = await repo.findUserEmail(userId);
  if (!user) return;
  const text = `Hello ${user.firstName},\n\n${body}\n\nIf this was not you, change your password now and contact support.\n\n— Managed Access Gateway (MAG)`;
  await sendEmail({ to: user.email, subject, text }).catch(() => undefined);
}

/** Support lifts an OTP lockout (after checking who is asking): codes work again, the count starts over. */
export async function liftOtpLockout(userId: string, tx: Tx): Promise<boolean> {
  return repo.clearGuard(userId, tx);
}
