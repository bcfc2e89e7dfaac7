-- A passed identity proofing, kept on the person so that later credentials and upgrades reuse it.
CREATE TABLE "identity_verifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "method" "ProofingMethod" NOT NULL,
    "level" TEXT NOT NULL,
    "identityEncrypted" TEXT,
    "evidenceSummary" JSONB,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "supersededReason" TEXT,
    CONSTRAINT "identity_verifications_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "identity_verifications_caseId_key" ON "identity_verifications"("caseId");
CREATE INDEX "identity_verifications_userId_verifiedAt_idx" ON "identity_verifications"("userId", "verifiedAt");

ALTER TABLE "identity_verifications" ADD CONSTRAINT "identity_verifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A credential was proofed by an earlier identity verification (no new proofing).
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_REUSED';
-- Support changed a proofed person's legal name or date of birth: their verification no longer carries over.
ALTER TYPE "AuditType" ADD VALUE 'IDENTITY_CHANGED';
