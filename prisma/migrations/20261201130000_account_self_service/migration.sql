-- Account self-service: new-device sign-in notices, email change with undo, closing an account, time zones.
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'REPORT_SIGN_IN';
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'CHANGE_EMAIL';
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'UNDO_EMAIL_CHANGE';
ALTER TYPE "AccountStatus" ADD VALUE 'CLOSED';

ALTER TYPE "AuditType" ADD VALUE 'SIGN_IN_REPORTED';
ALTER TYPE "AuditType" ADD VALUE 'EMAIL_CHANGE_REQUESTED';
ALTER TYPE "AuditType" ADD VALUE 'EMAIL_CHANGED';
ALTER TYPE "AuditType" ADD VALUE 'EMAIL_CHANGE_UNDONE';
ALTER TYPE "AuditType" ADD VALUE 'DATA_EXPORTED';
ALTER TYPE "AuditType" ADD VALUE 'ACCOUNT_CLOSED';
ALTER TYPE "AuditType" ADD VALUE 'ACCOUNT_REOPENED';
ALTER TYPE "AuditType" ADD VALUE 'ACCOUNT_ERASED';

-- The session a REPORT_SIGN_IN link ends, and the addresses an email change moves between.
ALTER TABLE "email_tokens" ADD COLUMN "sessionId" UUID;
ALTER TABLE "email_tokens" ADD COLUMN "newEmail" TEXT;
ALTER TABLE "email_tokens" ADD COLUMN "oldEmail" TEXT;

-- IANA zone the user reads dates in (detected in the browser the first time), and the closing of an account.
ALTER TABLE "users" ADD COLUMN "timeZone" TEXT;
ALTER TABLE "users" ADD COLUMN "closedAt" TIMESTAMP(3);
ALTER TABLE "users" ADD COLUMN "erasedAt" TIMESTAMP(3);
CREATE INDEX "users_closedAt_idx" ON "users"("closedAt") WHERE "closedAt" IS NOT NULL AND "erasedAt" IS NULL;
