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

export function findActivationCodeByHash(codeHash: string, tx?: Tx): Promise<ActivationCodeRow | null> {
  return (tx ?? db()).activationCode.findUnique({ where: { codeHash }, select: CODE_SELECT });
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

/** Records the user's request for a new code; false when one is already open for the credential. */
export async function insertCodeRequest(
  data: { credentialId: string; userId: string; agentId: string; createdAt: Date },
  tx: Tx,
): Promise<boolean> {
  // ON CONFLICT DO NOTHING against the partial unique index: two clicks leave one open request.
  const { count } = await tx.activationCodeRequest.createMany({ data: [data], skipDuplicates: true });
  return count === 1;
}

export function findOpenCodeRequest(credentialId: string): Promise<{ createdAt: Date } | null> {
  return db().activationCodeRequest.findFirst({
    where: { credentialId, resolvedAt: null },
    select: { createdAt: true },
  });
}

/** The agent's open requests, oldest first, with the applicant's name. */
export function listOpenCodeRequests(agentId: string) {
  return db().activationCodeRequest.findMany({
    where: { agentId, resolvedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      credentialId: true,
      createdAt: true,
      credential: { select: { user: { select: { firstName: true, lastName: true } } } },
    },
  });
}

export async function resolveCodeRequests(credentialId: string, now: Date, tx: Tx): Promise<void> {
  await tx.activationCodeRequest.updateMany({
    where: { credentialId, resolvedAt: null },
    data: { resolvedAt: now },
  });
}
