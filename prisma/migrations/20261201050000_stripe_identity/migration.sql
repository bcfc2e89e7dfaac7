-- Self-service proofing through Stripe Identity: the attempt's VerificationSession, and when it was redacted.
ALTER TABLE "proofing_cases" ADD COLUMN "providerSessionId" TEXT;
ALTER TABLE "proofing_cases" ADD COLUMN "providerRedactedAt" TIMESTAMP(3);
CREATE UNIQUE INDEX "proofing_cases_providerSessionId_key" ON "proofing_cases"("providerSessionId");
