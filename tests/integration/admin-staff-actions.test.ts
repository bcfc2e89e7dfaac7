import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "@/lib/accounts/service";
import {
  ChangeRoleInputSchema,
  EndSessionInputSchema,
  RevokeCredentialInputSchema,
  SetAccountStatusInputSchema,
} from "@/lib/admin/schemas";
import {
  endUserSession,
  getCredentialTimelines,
  revokeCredential,
  revokeSessions,
  setAccountStatus,
} from "@/lib/admin/service";
import { activateLicenseKey } from "@/lib/licensing/service";
import { getProofingStep } from "@/lib/proofing/service";
import { resolveSession } from "@/lib/sessions/service";
import { resendLicenseKey, revokeLicenseKey } from "@/lib/licensing/key-support";
import { KeyActionInputSchema } from "@/lib/licensing/schemas";
import { MarkInvoicePaidInputSchema } from "@/lib/payments/schemas";
import { createCatalog } from "../factories/catalog";
import { createActivatedCredential, createActiveCredential } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { asStaff } from "../factories/staff";
import { useTestClock, type TestClock } from "../setup/clock";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { buyWithCard, latestKeyFor } from "../setup/purchase";

let clock: TestClock;
const REQUEST = fromIp("192.0.2.60", "Mozilla/5.0 (support desk)");
const REASON = { reason: "Caller verified by DOB and last order number.", confirm: "on" as const };

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

async function staff(role: "SUPPORT" | "ADMIN" = "SUPPORT") {
  return asStaff(await createUser({ role }));
}

describe("staff actions on an account", () => {
  it("each needs a stated reason and a confirmation tick", () => {
    const id = crypto.randomUUID();
    const schemas = [
      SetAccountStatusInputSchema.safeParse({ userId: id, status: "DISABLED" }),
      ChangeRoleInputSchema.safeParse({ userId: id, role: "ADMIN" }),
      EndSessionInputSchema.safeParse({ userId: id, sessionId: id, reason: "short" }),
      RevokeCredentialInputSchema.safeParse({ userId: id, credentialId: id, confirm: "off" }),
      MarkInvoicePaidInputSchema.safeParse({ orderId: id, paymentReference: "WIRE-1", amountPaid: "89.00" }),
      KeyActionInputSchema.safeParse({ orderId: id }),
    ];
    for (const parsed of schemas) {
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(["confirm", "reason"]);
    }
  });

  it("disabling an account is audited with the staff member and the reason", async () => {
    const support = await staff();
    const user = await createUser();
    await setAccountStatus(support, { userId: user.id, status: "DISABLED", ...REASON }, REQUEST);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "ACCOUNT_DISABLED" } });
    expect(audit).toMatchObject({ actorId: support.userId, subjectUserId: user.id, ip: "192.0.2.60" });
    expect(audit.detail).toEqual({ reason: REASON.reason });
  });

  it("ending one session refuses it on its next request and leaves the others; another user's is refused", async () => {
    const support = await staff();
    const user = await createUser();
    const other = await createUser();
    const laptop = await createSignedInSession(user.id, clock.now());
    const phone = await createSignedInSession(user.id, clock.now());
    const othersSession = await createSignedInSession(other.id, clock.now());

    await endUserSession(support, { userId: user.id, sessionId: laptop, ...REASON }, REQUEST);
    expect(await resolveSession(laptop, clock.now())).toBeNull();
    expect(await resolveSession(phone, clock.now())).not.toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "SESSION_ENDED" } });
    expect(audit.detail).toEqual({ sessionId: laptop, reason: REASON.reason });

    await expectDomainError(
      endUserSession(support, { userId: user.id, sessionId: laptop, ...REASON }, REQUEST),
      "admin.session_not_found",
    );
    await expectDomainError(
      endUserSession(support, { userId: user.id, sessionId: othersSession, ...REASON }, REQUEST),
      "admin.session_not_found",
    );
    expect(await resolveSession(othersSession, clock.now())).not.toBeNull();
    expect(await db().auditEvent.count({ where: { type: "SESSION_ENDED" } })).toBe(1);
  });

  it("staff cannot act on their own account", async () => {
    const support = await staff();
    const own = await createSignedInSession(support.userId, clock.now());
    const self = { userId: support.userId, ...REASON };
    await expectDomainError(
      endUserSession(support, { ...self, sessionId: own }, REQUEST),
      "admin.cannot_change_self",
    );
    await expectDomainError(revokeSessions(support, self, REQUEST), "admin.cannot_change_self");
    await expectDomainError(
      setAccountStatus(support, { ...self, status: "DISABLED" }, REQUEST),
      "admin.cannot_change_self",
    );
    expect(await resolveSession(own, clock.now())).not.toBeNull();
  });

  it("revoking a credential stops its phone OTP sign-in and ends the user's sessions; once only", async () => {
    const support = await staff();
    const u = await createActiveCredential({ now: clock.now() });
    const login = { login: u.user.email, password: u.user.password };
    expect((await signInWithPassword(login, REQUEST, clock.now())).kind).toBe("otp_required");

    await revokeCredential(support, { userId: u.user.id, credentialId: u.credentialId, ...REASON }, REQUEST);
    expect((await db().credential.findUniqueOrThrow({ where: { id: u.credentialId } })).status).toBe(
      "REVOKED",
    );
    expect(await resolveSession(u.sessionId, clock.now())).toBeNull();
    // Its phones no longer take part in signing in: no phone OTP is asked for.
    expect((await signInWithPassword(login, REQUEST, clock.now())).kind).toBe("session");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "CREDENTIAL_REVOKED" } });
    expect(audit).toMatchObject({ actorId: support.userId, subjectUserId: u.user.id });
    expect(audit.detail).toEqual({ credentialId: u.credentialId, reason: REASON.reason });

    await expectDomainError(
      revokeCredential(support, { userId: u.user.id, credentialId: u.credentialId, ...REASON }, REQUEST),
      "admin.credential_not_revocable",
    );
  });

  it("revoking an order's unused key stops it activating; a re-send issues one that works", async () => {
    const support = await staff();
    const catalog = await createCatalog();
    const buyer = await createUser();
    const orderId = await buyWithCard(buyer, catalog.withoutProofing);
    const first = await latestKeyFor(buyer.email);

    await revokeLicenseKey(support.userId, { orderId, ...REASON }, REQUEST);
    await expectDomainError(activateLicenseKey(buyer.id, first, REQUEST), "licensing.key_revoked");
    await expectDomainError(
      revokeLicenseKey(support.userId, { orderId, ...REASON }, REQUEST),
      "licensing.no_unused_key",
    );
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { type: "LICENSE_KEY_REVOKED", actorId: support.userId },
    });
    expect(audit).toMatchObject({ subjectUserId: buyer.id });
    expect(audit.detail).toEqual({ orderId, revoked: 1, reason: REASON.reason });

    await resendLicenseKey(support.userId, { orderId, ...REASON }, REQUEST);
    const second = await latestKeyFor(buyer.email);
    expect(second).not.toBe(first);
    await expect(activateLicenseKey(buyer.id, second, REQUEST)).resolves.toHaveProperty("credentialId");
  });

  it("showing a user's proofing outcomes to staff is audited; a user without proofing is not", async () => {
    const agent = asStaff(await createUser({ role: "PROOFING_AGENT" }));
    const plain = await createActivatedCredential({ now: clock.now() });
    await getCredentialTimelines(agent, plain.user.id, REQUEST, clock.now());
    expect(await db().auditEvent.count({ where: { type: "IDENTITY_EVIDENCE_VIEWED" } })).toBe(0);

    const proofed = await createActivatedCredential({ now: clock.now(), withProofing: true });
    await getProofingStep(proofed.user.id, proofed.credentialId, "country", REQUEST);
    await getCredentialTimelines(agent, proofed.user.id, REQUEST, clock.now());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: "IDENTITY_EVIDENCE_VIEWED" } });
    expect(audit).toMatchObject({ actorId: agent.userId, subjectUserId: proofed.user.id });
  });
});
