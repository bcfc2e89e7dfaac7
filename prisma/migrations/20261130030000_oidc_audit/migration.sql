-- Refused requests to the OpenID Connect provider are audited.
ALTER TYPE "AuditType" ADD VALUE 'OIDC_REQUEST_REFUSED';
