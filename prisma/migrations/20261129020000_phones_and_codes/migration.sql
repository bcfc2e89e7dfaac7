-- CreateEnum
CREATE TYPE "OtpPurpose" AS ENUM ('PHONE_CONFIRM', 'SIGN_IN', 'STEP_UP');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditType" ADD VALUE 'OTP_SENT';
ALTER TYPE "AuditType" ADD VALUE 'OTP_SEND_REFUSED';
ALTER TYPE "AuditType" ADD VALUE 'OTP_VERIFIED';
ALTER TYPE "AuditType" ADD VALUE 'OTP_FAILED';
ALTER TYPE "AuditType" ADD VALUE 'OTP_LOCKED';
ALTER TYPE "AuditType" ADD VALUE 'PHONE_ADDED';
ALTER TYPE "AuditType" ADD VALUE 'PHONE_REMOVED';
ALTER TYPE "AuditType" ADD VALUE 'PHONE_DEFAULT_CHANGED';

-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "e164Encrypted" TEXT NOT NULL,
    "e164Fingerprint" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "lastDigits" VARCHAR(4) NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "one_time_codes" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "OtpPurpose" NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "targetFingerprint" TEXT NOT NULL,
    "targetEncrypted" TEXT NOT NULL,
    "phoneId" UUID,
    "bindingHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "one_time_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "otp_guards" (
    "userId" UUID NOT NULL,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "otp_guards_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "login_challenges" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "passwordAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "login_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "phone_numbers_userId_idx" ON "phone_numbers"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_credentialId_e164Fingerprint_key" ON "phone_numbers"("credentialId", "e164Fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "one_time_codes_userId_purpose_key" ON "one_time_codes"("userId", "purpose");

-- CreateIndex
CREATE INDEX "login_challenges_userId_idx" ON "login_challenges"("userId");

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "one_time_codes" ADD CONSTRAINT "one_time_codes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "otp_guards" ADD CONSTRAINT "otp_guards_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_challenges" ADD CONSTRAINT "login_challenges_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
