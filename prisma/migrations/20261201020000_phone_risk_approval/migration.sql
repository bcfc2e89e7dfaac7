-- A phone whose SIM was just swapped gets no code: an emailed link lets its owner allow one code to it.
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'APPROVE_PHONE';
ALTER TABLE "email_tokens" ADD COLUMN "phoneId" UUID;
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_phoneId_fkey" FOREIGN KEY ("phoneId") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "phone_numbers" ADD COLUMN "riskApprovedUntil" TIMESTAMP(3);
ALTER TYPE "AuditType" ADD VALUE 'PHONE_RISK_APPROVED';
