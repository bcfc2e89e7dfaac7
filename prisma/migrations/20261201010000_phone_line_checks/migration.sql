-- What the carrier lookup said of a number (line type, last SIM swap), cached a day per number fingerprint.
CREATE TABLE "phone_line_checks" (
    "fingerprint" TEXT NOT NULL,
    "lineType" TEXT NOT NULL,
    "simSwappedAt" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "phone_line_checks_pkey" PRIMARY KEY ("fingerprint")
);

-- A send refused by the carrier lookup, and a lookup that failed (the send then goes on).
ALTER TYPE "AuditType" ADD VALUE 'PHONE_LINE_REFUSED';
ALTER TYPE "AuditType" ADD VALUE 'PHONE_LOOKUP_FAILED';
