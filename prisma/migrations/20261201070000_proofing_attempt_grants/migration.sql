-- Support may give a credential one more proofing attempt after its limit (with a reason, audited).
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_ATTEMPT_GRANTED';
CREATE TABLE "proofing_attempt_grants" (
    "id" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "grantedById" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proofing_attempt_grants_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "proofing_attempt_grants_credentialId_idx" ON "proofing_attempt_grants"("credentialId");
ALTER TABLE "proofing_attempt_grants" ADD CONSTRAINT "proofing_attempt_grants_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
