-- Refused object access, credential revocation, single-session sign-out and evidence views are audited
ALTER TYPE "AuditType" ADD VALUE 'OBJECT_ACCESS_DENIED';
ALTER TYPE "AuditType" ADD VALUE 'CREDENTIAL_REVOKED';
ALTER TYPE "AuditType" ADD VALUE 'SESSION_ENDED';
ALTER TYPE "AuditType" ADD VALUE 'IDENTITY_EVIDENCE_VIEWED';
