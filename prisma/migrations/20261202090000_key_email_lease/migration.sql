-- A key email is claimed for a few minutes, not for ever: a process that stops after claiming it and before
-- sending leaves it to the retry sweep once the lease has ended.
ALTER TABLE "license_keys" ADD COLUMN "emailClaimedUntil" TIMESTAMP(3);
