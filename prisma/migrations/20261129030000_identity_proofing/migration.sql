-- CreateEnum
CREATE TYPE "ProofingMethod" AS ENUM ('SELF_SERVICE', 'LIVE_VIDEO');

-- CreateEnum
CREATE TYPE "ProofingStatus" AS ENUM ('IN_PROGRESS', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "IdentityOutcome" AS ENUM ('VERIFIED', 'KBA_REQUIRED', 'NOT_VERIFIED');

-- CreateEnum
CREATE TYPE "ProofingImageKind" AS ENUM ('ID_FRONT', 'ID_BACK', 'SELFIE');

-- AlterEnum


ALTER TYPE "AuditType" ADD VALUE 'PROOFING_STARTED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_NAME_CORRECTED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_CONSENT_GIVEN';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_IDENTITY_CHECKED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_KBA_ANSWERED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_LINK_SENT';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_LINK_REFUSED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_CAPTURE_STARTED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_IMAGE_ACCEPTED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_IMAGE_REFUSED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_PASSED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_FAILED';
ALTER TYPE "AuditType" ADD VALUE 'PROOFING_IMAGES_PURGED';

-- CreateTable
CREATE TABLE "proofing_cases" (
    "id" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "ProofingStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "country" CHAR(2),
    "method" "ProofingMethod",
    "nameConfirmedAt" TIMESTAMP(3),
    "instructionsReadAt" TIMESTAMP(3),
    "consentedAt" TIMESTAMP(3),
    "consentVersion" TEXT,
    "identityEncrypted" TEXT,
    "ssnEncrypted" TEXT,
    "ssnFingerprint" TEXT,
    "ssnLast4" CHAR(4),
    "identitySubmittedAt" TIMESTAMP(3),
    "mobileEncrypted" TEXT,
    "mobileLastDigits" TEXT,
    "identityOutcome" "IdentityOutcome",
    "identityCheckedAt" TIMESTAMP(3),
    "kbaQuestions" JSONB,
    "kbaPassedAt" TIMESTAMP(3),
    "linkTokenHash" TEXT,
    "linkSentAt" TIMESTAMP(3),
    "linkExpiresAt" TIMESTAMP(3),
    "captureSessionHash" TEXT,
    "captureStartedAt" TIMESTAMP(3),
    "captureCompletedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "failureReason" TEXT,
    "evidenceSummary" JSONB,
    "noticeSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "proofing_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proofing_images" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "ProofingImageKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proofing_images_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "proofing_cases_linkTokenHash_key" ON "proofing_cases"("linkTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "proofing_cases_captureSessionHash_key" ON "proofing_cases"("captureSessionHash");

-- CreateIndex
CREATE INDEX "proofing_cases_credentialId_status_idx" ON "proofing_cases"("credentialId", "status");

-- CreateIndex
CREATE INDEX "proofing_cases_ssnFingerprint_idx" ON "proofing_cases"("ssnFingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "proofing_images_storageKey_key" ON "proofing_images"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "proofing_images_caseId_kind_key" ON "proofing_images"("caseId", "kind");

-- AddForeignKey
ALTER TABLE "proofing_cases" ADD CONSTRAINT "proofing_cases_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proofing_cases" ADD CONSTRAINT "proofing_cases_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proofing_images" ADD CONSTRAINT "proofing_images_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "proofing_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
