import "server-only";
import { db } from "@/lib/core/db";

// A read model for "Download my data": what no other module's service lists for the user. Each select names
// the columns the archive may hold, so a sensitive column added later (sealed numbers, SSN, evidence) stays
// out until someone chooses to put it in.

/** Every phone of the user, on any credential: country and last two digits only, never the sealed number. */
export function listPhonesOfUser(userId: string) {
  return db().phoneNumber.findMany({
    where: { userId },
    select: {
      id: true,
      credentialId: true,
      country: true,
      lastDigits: true,
      isDefault: true,
      verifiedAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
}

/** Each identity proofing attempt: method, outcome and dates; no identity data, SSN, mobile or evidence. */
export function listProofingAttempts(userId: string) {
  return db().proofingCase.findMany({
    where: { userId },
    select: { credentialId: true, method: true, status: true, createdAt: true, decidedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The passed proofings kept on the person: method, level and dates; not the sealed identity or evidence. */
export function listIdentityVerifications(userId: string) {
  return db().identityVerification.findMany({
    where: { userId },
    select: { method: true, level: true, verifiedAt: true, supersededAt: true },
    orderBy: { verifiedAt: "asc" },
  });
}

export type ExportPhoneRow = Awaited<ReturnType<typeof listPhonesOfUser>>[number];
export type ProofingAttemptRow = Awaited<ReturnType<typeof listProofingAttempts>>[number];
export type VerificationRow = Awaited<ReturnType<typeof listIdentityVerifications>>[number];
