import { beforeEach, describe, expect, it } from "vitest";
import {
  createRecoveryCodes,
  generateRecoveryCodes,
  spendRecoveryCode,
  unusedRecoveryCodes,
} from "@/lib/recovery/service";
import { createActiveCredential, sessionOf } from "../factories/credential";
import { createSignedInSession } from "../factories/session";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { databaseText } from "../setup/database-text";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";

// Recovery codes: shown once, kept hashed, each spent once whatever the concurrency, a new set voids the old
// one, and 10 wrong codes lock recovery for an hour.

beforeEach(async () => {
  await resetDb();
});

describe("recovery codes", () => {
  it("are made on Manage OTP only for an account with phones, within 20 minutes of a phone OTP", async () => {
    const bare = await createUser();
    const bareSession = await sessionOf(await createSignedInSession(bare.id, new Date(), "PASSWORD_OTP"));
    await expectDomainError(createRecoveryCodes(bareSession, fromIp()), "recovery.no_phones");

    const { sessionId } = await createActiveCredential();
    const session = await sessionOf(sessionId);
    const later = new Date(Date.now() + 21 * 60_000);
    await expectDomainError(createRecoveryCodes(session, fromIp(), later), "auth.step_up_required");
    expect(await createRecoveryCodes(session, fromIp())).toHaveLength(10);
  });

  it("a set of 10 is kept only as keyed hashes; a code works once, typed in any case", async () => {
    const user = await createUser();
    const codes = await generateRecoveryCodes(user.id, fromIp());

    expect(codes).toHaveLength(10);
    // eslint-disable-next-line no-restricted-properties -- the test database's URL, set by scripts/test-db.ts
    const stored = await databaseText(process.env.DATABASE_URL!);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ""));
    }
    await spendRecoveryCode(user.id, codes[3]!.toLowerCase().replace(/-/g, " "), fromIp());
    expect(await unusedRecoveryCodes(user.id)).toBe(9);
    await expectDomainError(spendRecoveryCode(user.id, codes[3]!, fromIp()), "recovery.code_invalid");
  });

  it("20 parallel uses of one code: exactly one succeeds", async () => {
    const user = await createUser();
    const [code] = await generateRecoveryCodes(user.id, fromIp());

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => spendRecoveryCode(user.id, code!, fromIp())),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await unusedRecoveryCodes(user.id)).toBe(9);
  });

  it("a new set voids the old one; another user's code is no good here", async () => {
    const user = await createUser();
    const other = await createUser();
    const old = await generateRecoveryCodes(user.id, fromIp());
    const theirs = await generateRecoveryCodes(other.id, fromIp());
    const fresh = await generateRecoveryCodes(user.id, fromIp());

    await expectDomainError(spendRecoveryCode(user.id, old[0]!, fromIp()), "recovery.code_invalid");
    await expectDomainError(spendRecoveryCode(user.id, theirs[0]!, fromIp()), "recovery.code_invalid");
    await spendRecoveryCode(user.id, fresh[0]!, fromIp());
    expect(
      await db().auditEvent.count({ where: { type: "RECOVERY_CODES_GENERATED", subjectUserId: user.id } }),
    ).toBe(2);
  });

  it("10 wrong codes lock recovery: the next attempt is refused even with a right code", async () => {
    const user = await createUser();
    const [code] = await generateRecoveryCodes(user.id, fromIp());
    for (let i = 0; i < 10; i += 1)
      await expectDomainError(
        spendRecoveryCode(user.id, "0000-0000-0000-0000", fromIp()),
        "recovery.code_invalid",
      );

    await expectDomainError(spendRecoveryCode(user.id, code!, fromIp()), "recovery.too_many_attempts");
    expect(await unusedRecoveryCodes(user.id)).toBe(10);
  });
});
