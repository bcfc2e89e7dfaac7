-- A pending sign-in whose user spent a recovery code: it may only register a phone that replaces the lost ones.
ALTER TABLE "login_challenges" ADD COLUMN "recoveredAt" TIMESTAMP(3);

-- A recovery code's sign-in registered a new phone that replaced every lost one.
ALTER TYPE "AuditType" ADD VALUE 'PHONES_RECOVERED';
