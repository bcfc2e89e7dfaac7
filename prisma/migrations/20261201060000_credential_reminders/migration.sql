-- Expiry reminders 30, 7 and 1 days before a credential expires: one row per credential, expiry and threshold.
CREATE TABLE "credential_reminders" (
    "credentialId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "skipped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "credential_reminders_pkey" PRIMARY KEY ("credentialId","expiresAt","daysBefore")
);
CREATE INDEX "credential_reminders_sentAt_idx" ON "credential_reminders"("sentAt");
ALTER TABLE "credential_reminders" ADD CONSTRAINT "credential_reminders_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
