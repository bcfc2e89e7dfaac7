import "server-only";
import { db } from "@/lib/core/db";
import type { Tx } from "@/lib/core/transaction";
import { Prisma, type ProofingImageKind } from "@/lib/generated/prisma/client";
import type { IdentityOutcome, KbaQuestion, ProofingFlow, ProofingMethod, ProofingStatus } from "./proofing";

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
    .then((c) => (c ? { ...c, productName: c.product.name } : null));
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

export async function findCaseById(caseId: string, tx?: Tx): Promise<ProofingCaseRow | null> {
  const c = await (tx ?? db()).proofingCase.findUnique({ where: { id: caseId }, select: CASE_SELECT });
  return c ? toRow(c) : null;
}

export async function countFailedCases(
  credentialId: string,
  tx?: Tx,
): Promise<{ failed: number; failedSelfService: number }> {
  const rows = await (tx ?? db()).proofingCase.groupBy({
    by: ["method"],
    where: { credentialId, status: "FAILED" },
    _count: { _all: true },
  });
  const failed = rows.reduce((n, r) => n + r._count._all, 0);
  const failedSelfService = rows.find((r) => r.method === "SELF_SERVICE")?._count._all ?? 0;
  return { failed, failedSelfService };
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

/** A passed case proofs the credential: phones next, or straight back to active when it has them (upgrade). */
export async function markCredentialProofed(credentialId: string, now: Date, tx: Tx): Promise<void> {
  const phones = await tx.phoneNumber.count({ where: { credentialId } });
  await tx.credential.update({
    where: { id: credentialId },
    data: { proofedAt: now, status: phones > 0 ? "ACTIVE" : "PHONE_REGISTRATION_REQUIRED" },
    select: { id: true },
  });
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
): Promise<{ id: string; userId: string } | null> {
  const { count } = await db().proofingCase.updateMany({
    where: { linkTokenHash, captureSessionHash: null, status: "IN_PROGRESS", linkExpiresAt: { gt: now } },
    data: { captureSessionHash, captureStartedAt: now },
  });
  if (count !== 1) return null;
  return db().proofingCase.findUnique({ where: { linkTokenHash }, select: { id: true, userId: true } });
}

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

export async function deleteImageRows(ids: string[], tx?: Tx): Promise<void> {
  await (tx ?? db()).proofingImage.deleteMany({ where: { id: { in: ids } } });
}

/** Images past retention: of cases decided before `decidedBefore`, or opened before it and never decided. */
export function listExpiredImages(
  decidedBefore: Date,
  take: number,
): Promise<(StoredImage & { caseId: string })[]> {
  return db().proofingImage.findMany({
    where: {
      case: {
        OR: [{ decidedAt: { lt: decidedBefore } }, { decidedAt: null, createdAt: { lt: decidedBefore } }],
      },
    },
    select: { id: true, kind: true, storageKey: true, caseId: true },
    take,
  });
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

export async function updateUserName(
  userId: string,
  firstName: string,
  lastName: string,
  tx: Tx,
): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { firstName, lastName }, select: { id: true } });
}

// ---- Live video: agents' availability, appointments, activation codes ----

export function listAvailability(agentId?: string) {
  return db().agentAvailability.findMany({
    where: { ...(agentId ? { agentId } : {}), agent: { role: "PROOFING_AGENT", status: "ACTIVE" } },
    select: { id: true, agentId: true, weekday: true, startMinute: true, endMinute: true, timeZone: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  });
}

export async function replaceAvailability(
  agentId: string,
  windows: { weekday: number; startMinute: number; endMinute: number; timeZone: string }[],
  tx: Tx,
): Promise<void> {
  await tx.agentAvailability.deleteMany({ where: { agentId } });
  await tx.agentAvailability.createMany({ data: windows.map((w) => ({ ...w, agentId })) });
}

export function listBookedBetween(from: Date, to: Date) {
  return db().appointment.findMany({
    where: { status: "BOOKED", startsAt: { gte: from, lte: to } },
    select: { agentId: true, startsAt: true },
  });
}

/** Cancels the case's booked appointments (a reschedule or an undone step); returns their ids. */
export async function cancelBookedAppointments(caseId: string, tx: Tx): Promise<string[]> {
  const booked = await tx.appointment.findMany({ where: { caseId, status: "BOOKED" }, select: { id: true } });
  if (booked.length === 0) return [];
  await tx.appointment.updateMany({
    where: { id: { in: booked.map((b) => b.id) } },
    data: { status: "CANCELLED", slotKey: null },
  });
  return booked.map((b) => b.id);
}

/** Cancels every booked appointment of the credential's cases (the credential was revoked); returns their ids. */
export async function cancelBookedAppointmentsOfCredential(credentialId: string, tx: Tx): Promise<string[]> {
  const booked = await tx.appointment.findMany({
    where: { status: "BOOKED", case: { credentialId } },
    select: { id: true },
  });
  if (booked.length === 0) return [];
  await tx.appointment.updateMany({
    where: { id: { in: booked.map((b) => b.id) } },
    data: { status: "CANCELLED", slotKey: null },
  });
  return booked.map((b) => b.id);
}

export type NewAppointment = {
  id: string;
  caseId: string;
  userId: string;
  agentId: string;
  startsAt: Date;
  endsAt: Date;
  userTimeZone: string;
  contactEmail: string;
  contactPhoneEncrypted: string;
  contactPhoneLastDigits: string;
  documents: string[];
  meetingProvider: string;
  meetingUrl: string;
};

/** Books the slot; false when another booking holds it (the unique slot key). */
export async function insertAppointment(data: NewAppointment, tx: Tx): Promise<boolean> {
  const slotKey = `${data.agentId}/${data.startsAt.toISOString()}`;
  const inserted = await tx.appointment.createMany({ data: [{ ...data, slotKey }], skipDuplicates: true });
  return inserted.count === 1;
}

const APPOINTMENT_SELECT = {
  id: true,
  caseId: true,
  userId: true,
  agentId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  userTimeZone: true,
  contactEmail: true,
  contactPhoneLastDigits: true,
  documents: true,
  meetingUrl: true,
  failInstructions: true,
  decidedAt: true,
  user: { select: { firstName: true, lastName: true, email: true } },
  agent: { select: { firstName: true, lastName: true } },
  case: { select: { country: true, credentialId: true, status: true } },
} as const;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof APPOINTMENT_SELECT }>;

export function findAppointment(id: string, tx?: Tx): Promise<AppointmentRow | null> {
  return (tx ?? db()).appointment.findUnique({ where: { id }, select: APPOINTMENT_SELECT });
}

/** Whether `agentId` passed the case's live video session. */
export async function agentPassedCase(caseId: string, agentId: string): Promise<boolean> {
  return (await db().appointment.count({ where: { caseId, agentId, status: "PASSED" } })) > 0;
}

export function findBookedAppointment(caseId: string): Promise<AppointmentRow | null> {
  return db().appointment.findFirst({
    where: { caseId, status: "BOOKED" },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
  });
}

export function listUserBookedAppointments(userId: string): Promise<AppointmentRow[]> {
  return db().appointment.findMany({
    where: { userId, status: "BOOKED" },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
  });
}

export function listAgentAppointments(agentId: string, from: Date): Promise<AppointmentRow[]> {
  return db().appointment.findMany({
    where: { agentId, OR: [{ startsAt: { gte: from } }, { status: "BOOKED" }] },
    select: APPOINTMENT_SELECT,
    orderBy: { startsAt: "asc" },
    take: 100,
  });
}

/** Closes a booked appointment with the agent's outcome; false when it was not booked any more. */
export async function closeAppointment(
  id: string,
  data: { status: "PASSED" | "FAILED" | "NO_SHOW"; checklist?: object; failInstructions?: string },
  now: Date,
  tx: Tx,
): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({
    where: { id, status: "BOOKED" },
    data: { ...data, slotKey: null, decidedAt: now },
  });
  return count === 1;
}

export async function cancelAppointment(id: string, tx: Tx): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({
    where: { id, status: "BOOKED" },
    data: { status: "CANCELLED", slotKey: null },
  });
  return count === 1;
}

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

export function findStaff(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, firstName: true, lastName: true },
  });
}

export function listOpenActivationCodesForUser(userId: string) {
  return db().activationCode.findMany({
    where: { userId, usedAt: null, revokedAt: null, credential: { status: "PROOFING_REQUIRED" } },
    select: { credentialId: true, expiresAt: true },
  });
}
