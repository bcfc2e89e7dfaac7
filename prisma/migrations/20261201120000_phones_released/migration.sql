-- An expired credential's phones were released 90 days after its expiry.
ALTER TYPE "AuditType" ADD VALUE 'PHONES_RELEASED';
