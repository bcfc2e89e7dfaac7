import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditWrite } from "@/lib/audit/service";
import { db } from "@/lib/core/db";
import { query, type SqlStep, type SqlValue } from "@/lib/core/sql";
import type { Tx } from "@/lib/core/transaction";
import type { MessageChannel, OtpPurpose } from "@/lib/generated/prisma/client";

export type NewCode = {
  userId: string;
  purpose: OtpPurpose;
  channel: MessageChannel;
  targetFingerprint: string;
  targetEncrypted: string;
  phoneId: string | null;
  bindingHash: string;
  codeHash: string;
  expiresAt: Date;
};

// Sending and checking codes is on the sign-in hot path: plain SQL (lib/core/sql.ts) for those steps.

export type SendPreflight = {
  guard: Guard | null;
  line: { lineType: string; simSwappedAt: Date | null } | null;
};

/**
 * What a send checks before spending anything, in one read: the account's lock and the carrier lookup of
 * the number cached since `lineSince` (the messaging module's cache, read here to save a round trip).
 */
export async function findSendPreflight(
  userId: string,
  fingerprint: string,
  lineSince: Date,
): Promise<SendPreflight> {
  const rows = await query<SendPreflightRow>(
    "otp-send-preflight",
    `SELECT g."consecutiveFailures", g."lockedUntil", g."disabledAt", l."lineType", l."simSwappedAt"
     FROM (SELECT 1) one
     LEFT JOIN otp_guards g ON g."userId" = $1
     LEFT JOIN phone_line_checks l ON l.fingerprint = $2 AND l."checkedAt" > $3`,
    [userId, fingerprint, lineSince],
  );
  return sendPreflightOf(rows[0]!);
}

/** The columns of a send preflight, as another module's read may return them (null when absent). */
export type SendPreflightRow = {
  consecutiveFailures: number | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  lineType: string | null;
  simSwappedAt: Date | null;
};

export function sendPreflightOf(row: SendPreflightRow): SendPreflight {
  return {
    guard:
      row.consecutiveFailures === null
        ? null
        : {
            consecutiveFailures: row.consecutiveFailures,
            lockedUntil: row.lockedUntil,
            disabledAt: row.disabledAt,
          },
    line: row.lineType === null ? null : { lineType: row.lineType, simSwappedAt: row.simSwappedAt },
  };
}

/** What else the statement storing a code does: spend the send limits first, write the message after. */
export type StoreCodeSteps = {
  limits?: { values: SqlValue[]; cte: (firstParam: number) => string; limitsJson: string } | null;
  /** Other modules' writes made only when the code is stored (its message, a fresh carrier lookup). */
  after?: (SqlStep | null)[];
};

/**
 * A resend replaces the earlier code of the same purpose: new hash, fresh tries, new expiry. The audit row
 * (and, when given, the send limits and the message) are written by the same statement; with limits, the
 * code is stored only when none refused. `stored` is false then, and `limits` holds the spent rows.
 */
export async function replaceCode(
  code: NewCode,
  now: Date,
  audit: AuditWrite,
  steps: StoreCodeSteps = {},
): Promise<{ stored: boolean; limits: never[] | null }> {
  const limits = steps.limits;
  const codeValues: SqlValue[] = [
    randomUUID(),
    code.userId,
    code.purpose,
    code.channel,
    code.targetFingerprint,
    code.targetEncrypted,
    code.phoneId,
    code.bindingHash,
    code.codeHash,
    code.expiresAt,
    now,
  ];
  const p = codeValues.length + 1;
  const auditAt = p + (limits?.values.length ?? 0);
  const after = (steps.after ?? []).filter((step): step is SqlStep => step !== null);
  const afterValues: SqlValue[] = [];
  const afterCtes = after.map((step) => {
    const cte = step.cte(auditAt + audit.values.length + afterValues.length, "code");
    afterValues.push(...step.values);
    return `, ${cte}`;
  });
  const rows = await query<{ stored: number; limits: never[] | null }>(
    // One prepared statement per shape: the steps' CTEs are named after their first placeholder.
    `otp-codes-replace${limits ? "-limited" : ""}:${afterCtes.map((c) => c.slice(2, c.indexOf(" AS"))).join(",")}`,
    `WITH ${limits ? `${limits.cte(p)},` : ""} code AS (
       INSERT INTO one_time_codes AS c (id, "userId", purpose, channel, "targetFingerprint", "targetEncrypted",
         "phoneId", "bindingHash", "codeHash", "expiresAt", "createdAt")
       SELECT $1, $2, $3::"OtpPurpose", $4::"MessageChannel", $5, $6, $7, $8, $9, $10::timestamp, $11::timestamp
       ${limits ? "WHERE NOT EXISTS (SELECT 1 FROM limits_refused)" : ""}
       ON CONFLICT ("userId", purpose) DO UPDATE SET
         channel = EXCLUDED.channel, "targetFingerprint" = EXCLUDED."targetFingerprint",
         "targetEncrypted" = EXCLUDED."targetEncrypted", "phoneId" = EXCLUDED."phoneId",
         "bindingHash" = EXCLUDED."bindingHash", "codeHash" = EXCLUDED."codeHash",
         "expiresAt" = EXCLUDED."expiresAt", "createdAt" = EXCLUDED."createdAt", attempts = 0, "consumedAt" = NULL
       RETURNING id
     ), ${audit.cte(auditAt, "code")}${afterCtes.join("")}
     SELECT (SELECT count(*)::int FROM code) AS stored, ${limits ? limits.limitsJson : "NULL"} AS limits`,
    [...codeValues, ...(limits?.values ?? []), ...audit.values, ...afterValues],
  );
  return { stored: rows[0]!.stored === 1, limits: rows[0]!.limits };
}

export type CheckedCode = {
  id: string;
  isRight: boolean;
  followedUp: boolean;
  targetEncrypted: string;
  phoneId: string | null;
  channel: "SMS" | "VOICE";
  attempts: number;
};

/**
 * Spends one try of the live code and checks it, in one statement: the guard `attempts < max` in the same
 * UPDATE means no more than `max` submissions are ever evaluated, however many arrive at once. A right code
 * (its hash and its binding's hash match) is consumed by that same update, so it works once; the account's
 * run of failures is cleared, `verified` audited and `then` made (its `when` CTE has the code's `purpose` and
 * `channel`), all in that statement. Null (nothing spent)
 * while the account's codes are locked or no live code is left. Comparing keyed hashes in SQL leaks nothing
 * usable: a caller cannot steer the bytes of a keyed hash.
 */
export async function spendAndCheck(
  attempt: { userId: string; purpose: OtpPurpose; codeHash: string; bindingHash: string },
  max: number,
  now: Date,
  verified: AuditWrite,
  then: Required<SqlStep> | null,
): Promise<CheckedCode | null> {
  const values: SqlValue[] = [
    attempt.userId,
    attempt.purpose,
    max,
    now,
    attempt.codeHash,
    attempt.bindingHash,
  ];
  const auditAt = values.length + 1;
  const thenAt = auditAt + verified.values.length;
  const rows = await query<CheckedCode>(
    then ? "otp-codes-check-then" : "otp-codes-check",
    `WITH spent AS (
       UPDATE one_time_codes SET attempts = attempts + 1,
         "consumedAt" = CASE WHEN "codeHash" = $5 AND "bindingHash" = $6 THEN $4::timestamp END
       WHERE "userId" = $1 AND purpose = $2 AND "consumedAt" IS NULL AND attempts < $3 AND "expiresAt" > $4
         AND NOT EXISTS (SELECT 1 FROM otp_guards g
                         WHERE g."userId" = $1 AND (g."lockedUntil" > $4 OR g."disabledAt" IS NOT NULL))
       RETURNING id, "consumedAt" IS NOT NULL AS "isRight", "targetEncrypted", "phoneId", channel, attempts, purpose
     ), consumed AS (
       SELECT purpose, channel FROM spent WHERE "isRight"
     ), reset AS (
       UPDATE otp_guards g SET "consecutiveFailures" = 0, "lockedUntil" = NULL, "updatedAt" = $4,
         "failuresSinceSignIn" = CASE WHEN consumed.purpose = 'SIGN_IN' THEN 0 ELSE g."failuresSinceSignIn" END,
         "locksSinceSignIn" = CASE WHEN consumed.purpose = 'SIGN_IN' THEN 0 ELSE g."locksSinceSignIn" END
       FROM consumed WHERE g."userId" = $1 AND g."disabledAt" IS NULL
         AND (g."consecutiveFailures" <> 0 OR g."lockedUntil" IS NOT NULL
              OR (consumed.purpose = 'SIGN_IN' AND (g."failuresSinceSignIn" <> 0 OR g."locksSinceSignIn" <> 0)))
     ), ${verified.cte(auditAt, "consumed")}${then ? `, ${then.cte(thenAt, "consumed")}` : ""}
     SELECT id, "isRight", ${then ? `EXISTS (SELECT 1 FROM ${then.done(thenAt)})` : "false"} AS "followedUp",
       "targetEncrypted", "phoneId", channel, attempts
     FROM spent`,
    [...values, ...verified.values, ...(then?.values ?? [])],
  );
  return rows[0] ?? null;
}

export function findCode(userId: string, purpose: OtpPurpose) {
  return db().oneTimeCode.findUnique({
    where: { userId_purpose: { userId, purpose } },
    select: { consumedAt: true, expiresAt: true, attempts: true },
  });
}

export type Guard = { consecutiveFailures: number; lockedUntil: Date | null; disabledAt: Date | null };

export async function findGuard(userId: string): Promise<Guard | null> {
  const rows = await query<Guard>(
    "otp-guards-find",
    `SELECT "consecutiveFailures", "lockedUntil", "disabledAt" FROM otp_guards WHERE "userId" = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/**
 * Adds one wrong code (atomic increments): the run of consecutive failures and the count since the last
 * successful sign-in, which at `cap` disables phone OTP sign-in. `disabledNow` is true for the one failure
 * that reached the cap.
 */
export async function addFailure(
  userId: string,
  cap: number,
  now: Date,
): Promise<{ consecutive: number; disabledNow: boolean }> {
  const rows = await query<{ consecutive: number; disabledNow: boolean }>(
    "otp-guards-add-failure",
    `INSERT INTO otp_guards AS g ("userId", "consecutiveFailures", "failuresSinceSignIn", "updatedAt")
     VALUES ($1, 1, 1, $2)
     ON CONFLICT ("userId") DO UPDATE SET
       "consecutiveFailures" = g."consecutiveFailures" + 1,
       "failuresSinceSignIn" = g."failuresSinceSignIn" + 1,
       "disabledAt" = CASE WHEN g."disabledAt" IS NULL AND g."failuresSinceSignIn" + 1 >= $3 THEN $2
                      ELSE g."disabledAt" END,
       "updatedAt" = $2
     RETURNING "consecutiveFailures" AS consecutive,
       ("disabledAt" IS NOT NULL AND "failuresSinceSignIn" = $3) AS "disabledNow"`,
    [userId, now, cap],
  );
  return rows[0]!;
}

/**
 * Locks the account's codes for the next step of `ladderMs` (the number of locks since the last successful
 * sign-in picks it); returns when the lock ends, only for the call that set it (so one email goes out).
 */
export async function lock(userId: string, ladderMs: readonly number[], now: Date): Promise<Date | null> {
  const rows = await query<{ lockedUntil: Date }>(
    "otp-guards-lock",
    `UPDATE otp_guards SET
       "lockedUntil" = $2::timestamp + ($3::int[])[LEAST("locksSinceSignIn", $4) + 1] * interval '1 millisecond',
       "locksSinceSignIn" = "locksSinceSignIn" + 1, "consecutiveFailures" = 0, "updatedAt" = $2
     WHERE "userId" = $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2)
     RETURNING "lockedUntil"`,
    [userId, now, [...ladderMs], ladderMs.length - 1],
  );
  return rows[0]?.lockedUntil ?? null;
}

export async function findUserEmail(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, firstName: true } });
}

/** Support lifted the lock: codes work again and the failure count starts over. True when a lock was lifted. */
export async function clearGuard(userId: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.otpGuard.updateMany({
    where: {
      userId,
      OR: [{ lockedUntil: { not: null } }, { consecutiveFailures: { gt: 0 } }, { disabledAt: { not: null } }],
    },
    data: {
      lockedUntil: null,
      consecutiveFailures: 0,
      disabledAt: null,
      failuresSinceSignIn: 0,
      locksSinceSignIn: 0,
    },
  });
  return count === 1;
}
