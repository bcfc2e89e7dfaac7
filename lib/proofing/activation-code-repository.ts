import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";

// Activation codes that agents issue after a passed live video session (valid 30 days, shown once).

export async function insertActivationCode(
  data: {
    caseId: string;
    credentialId: string;
    userId: string;
    codeHash: string;
    issuedById: string;
    issuedAt: Date;
    expiresAt: Date;
  },
  tx: Tx,
): Promise<string> {
  const row = await tx.activationCode.create({ data, select: { id: true } });
  return row.id;
}

/** Revokes the credential's unused codes (before a re-issue); returns how many. */
export async function revokeActivationCodes(
  credentialId: string,
  byId: string,
  now: Date,
  tx: Tx,
): Promise<number> {
  const { count } = await tx.activationCode.updateMany({
    where: { credentialId, usedAt: null, revokedAt: null },
    data: { revokedAt: now, revokedById: byId },
  });
  return count;
}

export type ActivationCodeRow = {
  id: string;
  caseId: string;
  credentialId: string;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

const CODE_SELECT = {
  id: true,
  caseId: true,
  credentialId: true,
  userId: true,
  issuedAt: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
} as const;

export function findActivationCodeByHash(codeHash: string): Promise<ActivationCodeRow | null> {
  return db().activationCode.findUnique({ where: { codeHash }, select: CODE_SELECT });
}

export function findActivationCode(id: string): Promise<ActivationCodeRow | null> {
  return db().activationCode.findUnique({ where: { id }, select: CODE_SELECT });
}

/** The credential's newest code that is neither used nor revoked (it may have expired). */
export function findOpenActivationCode(credentialId: string): Promise<ActivationCodeRow | null> {
  return db().activationCode.findFirst({
    where: { credentialId, usedAt: null, revokedAt: null },
    select: CODE_SELECT,
    orderBy: { issuedAt: "desc" },
  });
}

/** Spends the code: one row update that only one of any number of concurrent attempts can make. */
export async function useActivationCode(
  codeHash: string,
  userId: string,
  credentialId: string,
  now: Date,
  tx: Tx,
): Promise<boolean> {
  const { count } = await tx.activationCode.updateMany({
    where: { codeHash, userId, credentialId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export function listOpenActivationCodesForUser(userId: string) {
  return db().activationCode.findMany({
    where: { userId, usedAt: null, revokedAt: null, credential: { status: "PROOFING_REQUIRED" } },
    select: { credentialId: true, expiresAt: true },
  });
}
