-- Registering partner applications and revoking their access are audited.
ALTER TYPE "AuditType" ADD VALUE 'OIDC_CLIENT_REGISTERED';
ALTER TYPE "AuditType" ADD VALUE 'OIDC_CONSENT_REVOKED';
