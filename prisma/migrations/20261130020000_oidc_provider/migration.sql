-- The OpenID Connect provider: its shared storage, its signing keys and the partner applications.
CREATE TABLE "oidc_payloads" (
    "key" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grantId" TEXT,
    "userCode" TEXT,
    "uid" TEXT,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    CONSTRAINT "oidc_payloads_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "oidc_payloads_grantId_idx" ON "oidc_payloads"("grantId");
CREATE INDEX "oidc_payloads_uid_idx" ON "oidc_payloads"("uid");
CREATE INDEX "oidc_payloads_userCode_idx" ON "oidc_payloads"("userCode");
CREATE INDEX "oidc_payloads_expiresAt_idx" ON "oidc_payloads"("expiresAt");

CREATE TABLE "oidc_signing_keys" (
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "privateJwkEncrypted" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "activeFrom" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "oidc_signing_keys_pkey" PRIMARY KEY ("kid")
);

CREATE TABLE "partner_applications" (
    "id" UUID NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "logoUrl" TEXT,
    "redirectUris" TEXT[],
    "postLogoutRedirectUris" TEXT[],
    "scopes" TEXT[],
    "requiredAcr" TEXT,
    "isConfidential" BOOLEAN NOT NULL,
    "clientSecretHash" TEXT,
    "tokenEndpointAuthMethod" TEXT NOT NULL,
    "jwks" JSONB,
    "partnerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),
    CONSTRAINT "partner_applications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "partner_applications_clientId_key" ON "partner_applications"("clientId");
ALTER TABLE "partner_applications" ADD CONSTRAINT "partner_applications_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;
