-- A user's request for a new activation code (lost or expired), for the agent who passed them.
CREATE TABLE "activation_code_requests" (
    "id" UUID NOT NULL,
    "credentialId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "agentId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    CONSTRAINT "activation_code_requests_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "activation_code_requests_agentId_resolvedAt_idx" ON "activation_code_requests"("agentId", "resolvedAt");

-- One open request per credential: a second click finds the first.
CREATE UNIQUE INDEX "activation_code_requests_open_key" ON "activation_code_requests"("credentialId") WHERE "resolvedAt" IS NULL;

ALTER TABLE "activation_code_requests" ADD CONSTRAINT "activation_code_requests_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "credentials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The user asked for a new activation code.
ALTER TYPE "AuditType" ADD VALUE 'ACTIVATION_CODE_REQUESTED';
