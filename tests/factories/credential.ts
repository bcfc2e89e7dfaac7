import { resetLimit } from "@/lib/core/rate-limit";
import { activateLicenseKey } from "@/lib/licensing/service";
import { phoneFingerprint, sendScope } from "@/lib/otp/service";
import type { Channel } from "@/lib/phones/phones";
import { confirmPhone, confirmStepUp, sendStepUpCode, startPhoneRegistration } from "@/lib/phones/service";
import type { CurrentSession } from "@/lib/core/caller";
import { claimSessionTicket, resolveSession } from "@/lib/sessions/service";
import { latestCode } from "../setup/otp";
import { buyWithCard, latestKeyFor } from "../setup/purchase";
import { createCatalog } from "./catalog";
import { fromIp } from "./request";
import { createSignedInSession } from "./session";
import { createUser, type UserOverrides } from "./user";

// Set-up traffic comes from its own address, so it never spends the per-IP send limit of the test's caller.
const SETUP_REQUEST = fromIp("192.0.2.1", "Mozilla/5.0 (test set-up)");

// Fictional 555-01xx numbers that libphonenumber accepts, in several area codes; 0198 and 0199 are the
// local provider's failing numbers.
const AREA_CODES = ["202", "303", "312", "415", "512", "617", "206", "213", "305", "404", "702", "718"];
const SLOTS = 97; // 0100..0196 per area code
// Send limits count per number on the shared e2e portal, so each Playwright worker process (a new one after
// a failure) draws from a block of its own; integration workers have databases of their own.
// eslint-disable-next-line no-restricted-properties -- set by Playwright in its workers
const WORKER = Number(process.env.TEST_WORKER_INDEX ?? -1);
const BLOCK = WORKER === -1 ? SLOTS * AREA_CODES.length - 43 : 80;
let phoneCounter = 0;

/** A valid US mobile-or-landline number, different on every call in a process: +12025550143, 0144, … */
export function nextPhone(): string {
  if (phoneCounter >= BLOCK) throw new Error("ran out of test phone numbers");
  const n = 43 + Math.max(WORKER, 0) * BLOCK + phoneCounter;
  const area = AREA_CODES[Math.floor(n / SLOTS) % AREA_CODES.length];
  phoneCounter += 1;
  return `+1${area}55501${String(n % SLOTS).padStart(2, "0")}`;
}

/** The form a user fills in to register `e164` (a US number). */
export function phoneForm(credentialId: string, e164: string, channel: Channel = "SMS", country = "US") {
  return { credentialId, country, phone: e164, phoneConfirm: e164, channel };
}

/**
 * A user with a credential activated from a bought license key, no phones yet: without proofing (status
 * PHONE_REGISTRATION_REQUIRED), or `withProofing` (status PROOFING_REQUIRED).
 */
export async function createActivatedCredential(
  options: { user?: UserOverrides; now?: Date; withProofing?: boolean } = {},
) {
  const now = options.now ?? new Date();
  const catalog = await createCatalog();
  const user = await createUser(options.user);
  await buyWithCard(user, options.withProofing ? catalog.withProofing : catalog.withoutProofing, { now });
  const { credentialId } = await activateLicenseKey(
    user.id,
    await latestKeyFor(user.email),
    SETUP_REQUEST,
    now,
  );
  return { user, credentialId };
}

/** Another credential for an existing user: a second key bought and activated, no phones yet. */
export async function activateAnotherCredential(user: { id: string; email: string }, now = new Date()) {
  const catalog = await createCatalog();
  await buyWithCard(user, catalog.withoutProofing, { now });
  return (await activateLicenseKey(user.id, await latestKeyFor(user.email), SETUP_REQUEST, now)).credentialId;
}

export type PhoneUser = Awaited<ReturnType<typeof createActiveCredential>>;

/**
 * A user whose credential is ACTIVE with `phones` registered phones, each added the way a user does it
 * (startPhoneRegistration + the code from the outbox + confirmPhone) in one signed-in session, with a step-up
 * on the first phone after it (as the portal asks before any further phone), so the session ends up
 * PASSWORD_OTP with otpAt = `now` (its id changed with the step-up). The sends of this set-up are taken off
 * the rate limits afterwards, so a test counts only its own.
 */
export async function createActiveCredential(
  options: { phones?: number; now?: Date; channel?: Channel; user?: UserOverrides } = {},
) {
  const now = options.now ?? new Date();
  const { user, credentialId } = await createActivatedCredential({ user: options.user, now });
  let sessionId = await createSignedInSession(user.id, now);
  const phones: { id: string; e164: string }[] = [];
  for (let i = 0; i < (options.phones ?? 1); i += 1) {
    const e164 = nextPhone();
    if (i === 1) sessionId = await stepUp(sessionId, phones[0]!, now);
    const session = await sessionOf(sessionId, now);
    await startPhoneRegistration(session, phoneForm(credentialId, e164, options.channel), SETUP_REQUEST, now);
    const { phoneId } = await confirmPhone(
      session,
      { credentialId, code: await latestCode(e164) },
      SETUP_REQUEST,
      now,
    );
    phones.push({ id: phoneId, e164 });
  }
  if (phones.length === 1) sessionId = await stepUp(sessionId, phones[0]!, now);
  await Promise.all([
    resetLimit("otp.send.ip", SETUP_REQUEST.ip!),
    resetLimit("otp.send.account", user.id),
    ...phones.flatMap((p) => [
      resetLimit("otp.send.phone_gap", `${sendScope("PHONE_CONFIRM")}:${phoneFingerprint(p.e164)}`),
      resetLimit("otp.send.phone", `${sendScope("PHONE_CONFIRM")}:${phoneFingerprint(p.e164)}`),
      resetLimit("otp.send.phone_gap", `${sendScope("STEP_UP")}:${phoneFingerprint(p.e164)}`),
      resetLimit("otp.send.phone", `${sendScope("STEP_UP")}:${phoneFingerprint(p.e164)}`),
    ]),
  ]);
  return { user, credentialId, sessionId, session: await sessionOf(sessionId, now), phones };
}

/** Confirms it is the user with a code to `phone` (Confirm it's you); returns the session that replaced it. */
async function stepUp(sessionId: string, phone: { id: string; e164: string }, now: Date): Promise<string> {
  const session = await sessionOf(sessionId, now);
  await sendStepUpCode(session, { phoneId: phone.id, channel: "SMS" }, SETUP_REQUEST, now);
  const rotated = await confirmStepUp(session, await latestCode(phone.e164), SETUP_REQUEST, now);
  await claimSessionTicket(rotated.ticket, now);
  return rotated.sessionId;
}

/** The session as the portal sees it at `now` (fails when it has ended). */
export async function sessionOf(sessionId: string, now = new Date()): Promise<CurrentSession> {
  const session = await resolveSession(sessionId, now);
  if (!session) throw new Error(`session ${sessionId} has ended`);
  return session;
}
