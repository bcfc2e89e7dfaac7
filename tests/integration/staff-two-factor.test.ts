import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  changeRole,
  liftUserOtpLockout,
  resetUserPhones,
  revokeCredential,
  revokeSessions,
  setAccountStatus,
} from "@/lib/admin/service";
import { staffSecondFactorStep } from "@/lib/admin/staff-access";
import { listCredentials, hasUpgradableCredential } from "@/lib/licensing/service";
import { confirmPhone, startPhoneRegistration } from "@/lib/phones/service";
import { createActiveCredential, nextPhone, phoneForm, sessionOf } from "../factories/credential";
import { latestCode } from "../setup/otp";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { asStaff } from "../factories/staff";
import { createUser } from "../factories/user";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

const REQUEST = fromIp("192.0.2.80", "Mozilla/5.0 (console)");
const REASON = { reason: "Requested by the account owner", confirm: "on" as const };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let clock: TestClock;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});
afterEach(() => vi.useRealTimers());

describe("staff reach the consoles only with a recent phone OTP", () => {
  it("a password-only staff session is sent to register a phone on a staff credential made for it", async () => {
    const support = await createUser({ role: "SUPPORT" });
    const session = await sessionOf(await createSignedInSession(support.id, clock.now()), clock.now());

    const step = await staffSecondFactorStep(session, clock.now());
    const again = await staffSecondFactorStep(session, clock.now());

    expect(step).toMatch(/^\/credentials\/[0-9a-f-]{36}\/phones$/);
    expect(again, "one staff credential, however often the gate runs").toBe(step);
    const [staffCredential] = await listCredentials(support.id, clock.now());
    expect(staffCredential).toMatchObject({
      productName: "MAG Staff Phone OTP",
      status: "PHONE_REGISTRATION_REQUIRED",
      keyHint: null,
      canRenew: false,
    });
    expect(await hasUpgradableCredential(support.id, clock.now()), "no proofing upgrade for it").toBe(false);

    // The staff member registers a phone on it without any purchase, as a user does.
    const e164 = nextPhone();
    await startPhoneRegistration(session, phoneForm(staffCredential!.id, e164), REQUEST, clock.now());
    await confirmPhone(session, { credentialId: staffCredential!.id, code: await latestCode(e164) }, REQUEST);
    expect((await listCredentials(support.id, clock.now()))[0]!.status).toBe("ACTIVE");
  });

  it("a staff member with a phone but no recent phone OTP is sent to confirm one; 12 hours is the limit", async () => {
    const { user, sessionId } = await createActiveCredential({ now: clock.now(), user: { role: "ADMIN" } });
    const session = await sessionOf(sessionId, clock.now());
    expect(session.authLevel).toBe("PASSWORD_OTP");

    expect(await staffSecondFactorStep(session, clock.now())).toBeNull();
    clock.advance(11 * HOUR);
    expect(await staffSecondFactorStep({ ...session }, clock.now())).toBeNull();
    clock.advance(HOUR + MINUTE);
    expect(await staffSecondFactorStep(session, clock.now())).toBe("/verify?next=/admin");

    const passwordOnly = await sessionOf(await createSignedInSession(user.id, clock.now()), clock.now());
    expect(await staffSecondFactorStep(passwordOnly, clock.now())).toBe("/verify?next=/admin");
  });

  it("a role change to a staff role comes with the staff credential", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();
    await changeRole(asStaff(admin), { userId: user.id, role: "PROOFING_AGENT", ...REASON }, REQUEST);
    expect(await db().credential.count({ where: { userId: user.id, kind: "STAFF" } })).toBe(1);
  });
});

describe("changing someone's access needs the staff member's phone OTP within 20 minutes", () => {
  it("refuses disable, role change, phone reset, revocation and lifting a lock on a stale OTP; nothing changes", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const target = await createActiveCredential({ now: clock.now() });
    const stale = asStaff(admin, 21 * MINUTE);
    const userId = target.user.id;

    await expectDomainError(
      setAccountStatus(stale, { userId, status: "DISABLED", ...REASON }, REQUEST),
      "auth.step_up_required",
    );
    await expectDomainError(
      changeRole(stale, { userId, role: "ADMIN", ...REASON }, REQUEST),
      "auth.step_up_required",
    );
    await expectDomainError(
      resetUserPhones(stale, { userId, identityCheck: "PHOTO_ID", ...REASON }, REQUEST),
      "auth.step_up_required",
    );
    await expectDomainError(
      revokeCredential(stale, { userId, credentialId: target.credentialId, ...REASON }, REQUEST),
      "auth.step_up_required",
    );
    await expectDomainError(
      liftUserOtpLockout(stale, { userId, ...REASON }, REQUEST),
      "auth.step_up_required",
    );

    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ status: "ACTIVE", role: "USER" });
    expect(await db().phoneNumber.count({ where: { userId } })).toBe(1);
    expect((await db().credential.findUniqueOrThrow({ where: { id: target.credentialId } })).status).toBe(
      "ACTIVE",
    );

    // Within 20 minutes of a phone OTP the same action goes through.
    await setAccountStatus(asStaff(admin, 19 * MINUTE), { userId, status: "DISABLED", ...REASON }, REQUEST);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("DISABLED");
  });
});

describe("support cannot act on staff accounts", () => {
  it("support is refused on an agent's account; an admin may act on it, never on their own", async () => {
    const support = asStaff(await createUser({ role: "SUPPORT" }));
    const agent = await createActiveCredential({ now: clock.now(), user: { role: "PROOFING_AGENT" } });
    const admin = asStaff(await createUser({ role: "ADMIN" }));
    const userId = agent.user.id;

    await expectDomainError(
      setAccountStatus(support, { userId, status: "DISABLED", ...REASON }, REQUEST),
      "admin.staff_account",
    );
    await expectDomainError(
      resetUserPhones(support, { userId, identityCheck: "PHOTO_ID", ...REASON }, REQUEST),
      "admin.staff_account",
    );
    await expectDomainError(revokeSessions(support, { userId, ...REASON }, REQUEST), "admin.staff_account");
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).status).toBe("ACTIVE");
    expect(await sessionOf(agent.sessionId, clock.now())).toBeTruthy();

    await revokeSessions(admin, { userId, ...REASON }, REQUEST);
    await expect(sessionOf(agent.sessionId, clock.now())).rejects.toThrow("has ended");
    await expectDomainError(
      setAccountStatus(admin, { userId: admin.userId, status: "DISABLED", ...REASON }, REQUEST),
      "admin.cannot_change_self",
    );
  });
});
