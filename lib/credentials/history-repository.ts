import "server-only";
import { db } from "@/lib/core/db";

// A read model: each credential of a user with what its timeline shows (lib/credentials/timeline.ts).

export function findCredentialHistories(userId: string, credentialId?: string) {
  return db().credential.findMany({
    where: { userId, ...(credentialId ? { id: credentialId } : {}) },
    orderBy: { activatedAt: "asc" },
    select: {
      id: true,
      status: true,
      activatedAt: true,
      expiresAt: true,
      proofedAt: true,
      product: { select: { name: true } },
      licenseKey: {
        select: {
          hint: true,
          issuedAt: true,
          order: {
            select: {
              number: true,
              createdAt: true,
              paidAt: true,
              paymentMethod: true,
              amountCents: true,
              currency: true,
            },
          },
        },
      },
      proofingCases: {
        select: {
          method: true,
          status: true,
          createdAt: true,
          decidedAt: true,
          ssnLast4: true,
          failureReason: true,
        },
        orderBy: { createdAt: "asc" },
      },
      activationCodes: { select: { issuedAt: true, expiresAt: true, usedAt: true, revokedAt: true } },
      phoneNumbers: { select: { id: true, country: true, lastDigits: true, verifiedAt: true } },
    },
  });
}

export type CredentialHistoryRow = Awaited<ReturnType<typeof findCredentialHistories>>[number];
