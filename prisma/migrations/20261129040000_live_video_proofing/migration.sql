-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CANCELLED', 'NO_SHOW', 'PASSED', 'FAILED');

-- AlterEnum


ALTER TYPE "AuditType" ADD VALUE 'APPOINTMENT_BOOKED';
ALTER TYPE "AuditType" ADD VALUE 'APPOINTMENT_CANCELLED';
ALTER TYPE "AuditType" ADD VALUE 'APPOINTMENT_NO_SHOW';
ALTER TYPE "AuditType" ADD VALUE 'AGENT_AVAILABILITY_CHANGED';
ALTER TYPE "AuditType" ADD VALUE 'ACTIVATION_CODE_ISSUED';
ALTER TYPE "AuditType" ADD VALUE 'ACTIVATION_CODE_USED';
ALTER TYPE "AuditType" ADD VALUE 'ACTIVATION_CODE_FAILED';
ALTER TYPE "AuditType" ADD VALUE 'ACTIVATION_CODE_REVOKED';

-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "proofing_cases" ADD COLUMN     "scheduleReviewedAt" TIMESTAMP(3),
ADD COLUMN     "slotStartsAt" TIMESTAMP(3),
ADD COLUMN     "videoReviewedAt" TIMESTAMP(3),
ADD COLUMN     "videoServiceAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "agent_availability" (
    "id" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointments" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "slotKey" TEXT,
    "userTimeZone" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhoneEncrypted" TEXT NOT NULL,
    "contactPhoneLastDigits" TEXT NOT NULL,
    "documents" TEXT[],
    "meetingProvider" TEXT NOT NULL,
    "meetingUrl" TEXT NOT NULL,
    "checklist" JSONB,
    "failInstructions" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activation_codes" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,

    CONSTRAINT "activation_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL,
    "dedupeKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "agent_availability_agentId_idx" ON "agent_availability"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "appointments_slotKey_key" ON "appointments"("slotKey");

-- CreateIndex
CREATE INDEX "appointments_agentId_startsAt_idx" ON "appointments"("agentId", "startsAt");

-- CreateIndex
CREATE INDEX "appointments_caseId_idx" ON "appointments"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "activation_codes_codeHash_key" ON "activation_codes"("codeHash");

-- CreateIndex
CREATE INDEX "activation_codes_credentialId_idx" ON "activation_codes"("credentialId");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_dedupeKey_key" ON "jobs"("dedupeKey");

-- CreateIndex
CREATE INDEX "jobs_doneAt_runAt_idx" ON "jobs"("doneAt", "runAt");

-- AddForeignKey
ALTER TABLE "agent_availability" ADD CONSTRAINT "agent_availability_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "proofing_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "proofing_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
