import "server-only";
import { credentialName } from "@/lib/credentials/credentials";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import { Prisma, type ProofingImageKind } from "@/lib/generated/prisma/client";
import type { IdentityOutcome, KbaQuestion, ProofingFlow, ProofingMethod, ProofingStatus } from "./proofing";

// Proofing cases and the phone capture: the credential being proofed, each case's steps and decision, its
// link and photos, the decision notice, and the applicant's name.

export type ProofingCredential = {
  id: string;
  userId: string;
  status: string;
  proofingRequired: boolean;
  expiresAt: Date;
  productName: string;
};

export function findCredential(userId: string, credentialId: string): Promise<ProofingCredential | null> {
  return db()
    .credential.findFirst({
      where: { id: credentialId, userId },
      select: {
        id: true,
        userId: true,
        status: true,
        proofingRequired: true,
        expiresAt: true,
        product: { select: { name: true } },
      },
    })
    .then((c) => (c ? { ...c, productName: credentialName(c.product) } : null));
}

/** Serialises case creation and decisions for one credential. */
export async function lockCredential(credentialId: string, tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM credentials WHERE id = ${credentialId}::uuid FOR UPDATE`;
}

const CASE_SELECT = {
  id: true,
  credentialId: true,
  userId: true,
  status: true,
  country: true,
  method: true,
  nameConfirmedAt: true,
  instructionsReadAt: true,
  consentedAt: true,
  identitySubmittedAt: true,
  identityEncrypted: true,
  ssnEncrypted: true,
  ssnLast4: true,
  mobileEncrypted: true,
  mobileLastDigits: true,
  identityOutcome: true,
  kbaQuestions: true,
  kbaPassedAt: true,
  linkSentAt: true,
  linkExpiresAt: true,
  captureStartedAt: true,
  captureCompletedAt: true,
  providerSessionId: true,
  decidedAt: true,
  failureReason: true,
  createdAt: true,
  videoReviewedAt: true,
  videoServiceAt: true,
  scheduleReviewedAt: true,
  slotStartsAt: true,
  _count: { select: { appointments: { where: { status: "BOOKED" } } } },
} as const;

export type ProofingCaseRow = ProofingFlow & {
  id: string;
  credentialId: string;
  userId: string;
  identityEncrypted: string | null;
  ssnEncrypted: string | null;
  ssnLast4: string | null;
  mobileEncrypted: string | null;
  mobileLastDigits: string | null;
  kbaQuestions: KbaQuestion[] | null;
  linkExpiresAt: Date | null;
  captureStartedAt: Date | null;
  captureCompletedAt: Date | null;
  providerSessionId: string | null;
  decidedAt: Date | null;
  failureReason: string | null;
  createdAt: Date;
};

type RawCase = Prisma.ProofingCaseGetPayload<{ select: typeof CASE_SELECT }>;

const toRow = ({ _count, ...c }: RawCase): ProofingCaseRow => ({
  ...c,
  kbaQuestions: (c.kbaQuestions as KbaQuestion[] | null) ?? null,
  appointmentBooked: _count.appointments > 0,
});

/** The credential's newest case, open or decided. */
export async function findLatestCase(credentialId: string, tx?: Tx): Promise<ProofingCaseRow | null> {
  const c = await (tx ?? db()).proofingCase.findFirst({
    where: { credentialId },
    orderBy: { createdAt: "desc" },
    select: CASE_SELECT,
  });
  return c ? toRow(c) : null;
}

/** What the case's decision rested on (its evidence summary), or undefined. */
export async function findEvidenceSummary(
  caseId: string,
  tx: Tx,
): Promise<Prisma.InputJsonValue | undefined> {
  const c = await tx.proofingCase.findUnique({ where: { id: caseId }, select: { evidenceSummary: true } });
  return (c?.evidenceSummary as Prisma.InputJsonValue | null) ?? undefined;
}

export async function findCaseById(caseId: string, tx?: Tx): Promise<ProofingCaseRow | null> {
  const c = await (tx ?? db()).proofingCase.findUnique({ where: { id: caseId }, select: CASE_SELECT });
  return c ? toRow(c) : null;
}

/**
 * The credential's failed attempts that count against its limits: each attempt support granted after the limit
 * (proofing_attempt_grants) takes one failure off both counts, so one more attempt, self-service included, opens.
 */
export async function countFailedCases(
  credentialId: string,
  tx?: Tx,
): Promise<{ failed: number; failedSelfService: number }> {
  const client = tx ?? db();
  const [rows, grants] = await Promise.all([
    client.proofingCase.groupBy({
      by: ["method"],
      where: { credentialId, status: "FAILED" },
      _count: { _all: true },
    }),
    client.proofingAttemptGrant.count({ where: { credentialId } }),
  ]);
  const failed = rows.reduce((n, r) => n + r._count._all, 0);
  const failedSelfService = rows.find((r) => r.method === "SELF_SERVICE")?._count._all ?? 0;
  return { failed: Math.max(0, failed - grants), failedSelfService: Math.max(0, failedSelfService - grants) };
}

export async function insertAttemptGrant(
  data: { credentialId: string; grantedById: string; reason: string },
  tx: Tx,
): Promise<void> {
  await tx.proofingAttemptGrant.create({ data, select: { id: true } });
}

export async function insertCase(data: { credentialId: string; userId: string }, tx: Tx): Promise<string> {
  const c = await tx.proofingCase.create({ data, select: { id: true } });
  return c.id;
}

/** Column values a step may write; nulls come from the step graph's undo. */
export type CaseChanges = Partial<{
  country: string | null;
  method: ProofingMethod | null;
  nameConfirmedAt: Date | null;
  instructionsReadAt: Date | null;
  consentedAt: Date | null;
  consentVersion: string | null;
  identityEncrypted: string | null;
  ssnEncrypted: string | null;
  ssnFingerprint: string | null;
  ssnLast4: string | null;
  identitySubmittedAt: Date | null;
  mobileEncrypted: string | null;
  mobileLastDigits: string | null;
  identityOutcome: IdentityOutcome | null;
  identityCheckedAt: Date | null;
  kbaQuestions: KbaQuestion[] | null;
  kbaPassedAt: Date | null;
  linkTokenHash: string | null;
  linkSentAt: Date | null;
  linkExpiresAt: Date | null;
  captureSessionHash: string | null;
  captureStartedAt: Date | null;
  captureCompletedAt: Date | null;
  providerSessionId: string | null;
  videoReviewedAt: Date | null;
  videoServiceAt: Date | null;
  scheduleReviewedAt: Date | null;
  slotStartsAt: Date | null;
}>;

function toData(changes: CaseChanges): Prisma.ProofingCaseUpdateManyMutationInput {
  const { kbaQuestions, ...rest } = changes;
  if (kbaQuestions === undefined) return rest;
  return { ...rest, kbaQuestions: kbaQuestions === null ? Prisma.DbNull : kbaQuestions };
}

/** Updates an open case; false when it was decided meanwhile. */
export async function updateOpenCase(caseId: string, changes: CaseChanges, tx?: Tx): Promise<boolean> {
  const { count } = await (tx ?? db()).proofingCase.updateMany({
    where: { id: caseId, status: "IN_PROGRESS" },
    data: toData(changes),
  });
  return count === 1;
}

/** Closes an open case with its outcome; false when another request decided it first. */
export async function decideCase(
  caseId: string,
  outcome: { status: Exclude<ProofingStatus, "IN_PROGRESS">; failureReason?: string; evidence: object },
  now: Date,
  tx: Tx,
): Promise<boolean> {
  const { count } = await tx.proofingCase.updateMany({
    where: { id: caseId, status: "IN_PROGRESS" },
    data: {
      status: outcome.status,
      failureReason: outcome.failureReason ?? null,
      evidenceSummary: outcome.evidence,
      decidedAt: now,
    },
  });
  return count === 1;
}

export async function hasPassedCaseWithSsn(fingerprint: string, exceptUserId: string): Promise<boolean> {
  const found = await db().proofingCase.findFirst({
    where: { ssnFingerprint: fingerprint, status: "PASSED", userId: { not: exceptUserId } },
    select: { id: true },
  });
  return found !== null;
}

export async function findSsnEncrypted(caseId: string): Promise<string | null> {
  const c = await db().proofingCase.findUnique({ where: { id: caseId }, select: { ssnEncrypted: true } });
  return c?.ssnEncrypted ?? null;
}

export function findCaseByLinkHash(linkTokenHash: string): Promise<ProofingCaseRow | null> {
  return db()
    .proofingCase.findUnique({ where: { linkTokenHash }, select: CASE_SELECT })
    .then((c) => (c ? toRow(c) : null));
}

export function findCaseByCaptureSession(captureSessionHash: string): Promise<ProofingCaseRow | null> {
  return db()
    .proofingCase.findUnique({ where: { captureSessionHash }, select: CASE_SELECT })
    .then((c) => (c ? toRow(c) : null));
}

/** Binds the link to one capture session: succeeds once, for a link that has not expired. */
export async function claimLink(
  linkTokenHash: string,
  captureSessionHash: string,
  now: Date,
): Promise<{ id: string; userId: string; providerSessionId: string | null } | null> {
  const { count } = await db().proofingCase.updateMany({
    where: { linkTokenHash, captureSessionHash: null, status: "IN_PROGRESS", linkExpiresAt: { gt: now } },
    data: { captureSessionHash, captureStartedAt: now },
  });
  if (count !== 1) return null;
  return db().proofingCase.findUnique({
    where: { linkTokenHash },
    select: { id: true, userId: true, providerSessionId: true },
  });
}

/** The case of a Stripe Identity session, by the id we saved or by the case id Stripe echoes back. */
export async function findCaseByProviderSession(
  sessionId: string,
  caseId: string | undefined,
): Promise<ProofingCaseRow | null> {
  const bySession = await db().proofingCase.findUnique({
    where: { providerSessionId: sessionId },
    select: CASE_SELECT,
  });
  if (bySession) return toRow(bySession);
  return caseId && UUID.test(caseId) ? findCaseById(caseId) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StoredImage = { id: string; kind: ProofingImageKind; storageKey: string };

export function listImages(caseId: string, tx?: Tx): Promise<StoredImage[]> {
  return (tx ?? db()).proofingImage.findMany({
    where: { caseId },
    select: { id: true, kind: true, storageKey: true },
  });
}

/**
 * Records an image of an open case, replacing one of the same kind. Returns the replaced file's key, or
 * `closed: true` when the case was decided meanwhile.
 */
export async function saveImage(
  data: {
    caseId: string;
    kind: ProofingImageKind;
    storageKey: string;
    byteSize: number;
    width: number;
    height: number;
  },
  tx: Tx,
): Promise<{ closed: boolean; replacedKey: string | null }> {
  const open = await tx.proofingCase.findFirst({
    where: { id: data.caseId, status: "IN_PROGRESS" },
    select: { id: true },
  });
  if (!open) return { closed: true, replacedKey: null };
  const previous = await tx.proofingImage.findUnique({
    where: { caseId_kind: { caseId: data.caseId, kind: data.kind } },
    select: { id: true, storageKey: true },
  });
  if (previous) await tx.proofingImage.delete({ where: { id: previous.id }, select: { id: true } });
  await tx.proofingImage.create({ data, select: { id: true } });
  return { closed: false, replacedKey: previous?.storageKey ?? null };
}

export type NoticeToSend = { caseId: string; email: string; firstName: string; decidedAt: Date };

export async function listUnsentNotices(take: number): Promise<NoticeToSend[]> {
  const rows = await db().proofingCase.findMany({
    where: { status: "PASSED", noticeSentAt: null },
    select: { id: true, decidedAt: true, user: { select: { email: true, firstName: true } } },
    orderBy: { decidedAt: "asc" },
    take,
  });
  return rows.map((r) => ({
    caseId: r.id,
    email: r.user.email,
    firstName: r.user.firstName,
    decidedAt: r.decidedAt!,
  }));
}

export async function findUnsentNotice(caseId: string): Promise<NoticeToSend | null> {
  const r = await db().proofingCase.findFirst({
    where: { id: caseId, status: "PASSED", noticeSentAt: null },
    select: { id: true, decidedAt: true, user: { select: { email: true, firstName: true } } },
  });
  return r
    ? { caseId: r.id, email: r.user.email, firstName: r.user.firstName, decidedAt: r.decidedAt! }
    : null;
}

/** Claims the notice so that only one process sends it. */
export async function claimNotice(caseId: string, now: Date): Promise<boolean> {
  const { count } = await db().proofingCase.updateMany({
    where: { id: caseId, noticeSentAt: null },
    data: { noticeSentAt: now },
  });
  return count === 1;
}

export async function releaseNotice(caseId: string): Promise<void> {
  await db().proofingCase.update({
    where: { id: caseId },
    data: { noticeSentAt: null },
    select: { id: true },
  });
}

export function findUserName(userId: string) {
  return db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { firstName: true, lastName: true, email: true },
  });
}
