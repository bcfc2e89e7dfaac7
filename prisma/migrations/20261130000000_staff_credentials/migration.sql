-- Staff credentials: created with a staff role, so staff sign in with a phone OTP without a purchase.
CREATE TYPE "CredentialKind" AS ENUM ('PURCHASED', 'STAFF');

ALTER TABLE "credentials"
  ADD COLUMN "kind" "CredentialKind" NOT NULL DEFAULT 'PURCHASED',
  ALTER COLUMN "productId" DROP NOT NULL,
  ALTER COLUMN "licenseKeyId" DROP NOT NULL;

-- A purchased credential always comes from a product and a license key, a staff credential from neither.
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_kind_origin" CHECK (
  ("kind" = 'PURCHASED' AND "productId" IS NOT NULL AND "licenseKeyId" IS NOT NULL)
  OR ("kind" = 'STAFF' AND "productId" IS NULL AND "licenseKeyId" IS NULL)
);

-- One staff credential per person.
CREATE UNIQUE INDEX "credentials_one_staff_per_user" ON "credentials" ("userId") WHERE "kind" = 'STAFF';
