import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResetPhonesInputSchema, SupportActionInputSchema, type IdentityCheck } from "@/lib/admin/schemas";
import { liftUserOtpLockout, resetUserPhones } from "@/lib/admin/service";
import { requiresPhoneOtp } from "@/lib/phones/service";
import { resolveSession } from "@/lib/sessions/service";
import { createActiveCredential } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

let clock: TestClock;
const REQUEST = fromIp("192.0.2.50", "Mozilla/5.0 (support desk)");

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

const input = (userId: string, reason = "Caller verified by DOB and last order number.") => ({
  userId,
  reason,
  confirm: "on" as const,
});

const resetInput = (userId: string, identityCheck: IdentityCheck = "ACCOUNT_KNOWLEDGE") => ({
  ...input(userId),
  identityCheck,
});

describe("phone OTP support actions", () => {
  it("need a stated reason and a confirmation", () => {
    const parsed = SupportActionInputSchema.safeParse({ userId: crypto.randomUUID(), reason: "because" });
    expect(parsed.success).toBe(false);
    // Reset Phones also names how the caller's identity was checked.
    const reset = ResetPhonesInputSchema.safeParse(input(crypto.randomUUID()));
    expect(reset.error?.issues.map((i) => i.path[0])).toEqual(["identityCheck"]);
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(["confirm", "reason"]);
  });

  it("support lifts an OTP lockout, audited with the staff member and the reason", async () => {
    const { user } = await createActiveCredential({ now: clock.now() });
    const support = await createUser({ role: "SUPPORT" });
    await db().otpGuard.upsert({
      where: { userId: user.id },
      create: { userId: user.id, lockedUntil: new Date(clock.now().getTime() + 15 * 60_000) },
      update: { lockedUntil: new Date(clock.now().getTime() + 15 * 60_000) },
    });
    await liftUserOtpLockout(asStaff(support), input(user.id), REQUEST);
    expect(await db().otpGuard.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      lockedUntil: null,
      consecutiveFailures: 0,
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "OTP_LOCK_LIFTED" } });
    expect(audit).toMatchObject({ actorId: support.id, subjectUserId: user.id, ip: "192.0.2.50" });
    expect(audit.detail).toEqual({ reason: "Caller verified by DOB and last order number." });
    await expectDomainError(
      liftUserOtpLockout(asStaff(support), input(user.id), REQUEST),
      "admin.nothing_to_lift",
    );
  });

  it("support resets a user's phones: all removed, sessions ended, the user registers again", async () => {
    const { user, credentialId, sessionId } = await createActiveCredential({ phones: 2, now: clock.now() });
    const support = await createUser({ role: "SUPPORT" });
    expect(await requiresPhoneOtp(user.id)).toBe(true);
    expect(await resetUserPhones(asStaff(support), resetInput(user.id), REQUEST)).toBe(2);
    expect(await db().phoneNumber.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().credential.findUniqueOrThrow({ where: { id: credentialId } })).toMatchObject({
      status: "PHONE_REGISTRATION_REQUIRED",
    });
    expect(await resolveSession(sessionId, clock.now())).toBeNull();
    expect(await requiresPhoneOtp(user.id)).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PHONES_RESET" } });
    expect(audit).toMatchObject({ actorId: support.id, subjectUserId: user.id });
    expect(audit.detail).toMatchObject({ removed: 2, identityCheck: "ACCOUNT_KNOWLEDGE" });
  });

  it("a proofed user's phones are reset only after their identity was checked again, and the check is audited", async () => {
    const { user, credentialId } = await createActiveCredential({ now: clock.now() });
    await db().credential.update({ where: { id: credentialId }, data: { proofedAt: clock.now() } });
    const support = await createUser({ role: "SUPPORT" });
    await expectDomainError(
      resetUserPhones(asStaff(support), resetInput(user.id), REQUEST),
      "admin.identity_recheck_required",
    );
    expect(await db().phoneNumber.count({ where: { userId: user.id } })).toBe(1);

    await resetUserPhones(asStaff(support), resetInput(user.id, "PHOTO_ID"), REQUEST);
    expect(await db().phoneNumber.count({ where: { userId: user.id } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "PHONES_RESET" } });
    expect(audit.detail).toMatchObject({ identityCheck: "PHOTO_ID" });
  });

  it("staff cannot use them on their own account", async () => {
    const support = await createUser({ role: "SUPPORT" });
    await expectDomainError(
      resetUserPhones(asStaff(support), resetInput(support.id), REQUEST),
      "admin.cannot_change_self",
    );
  });
});
