-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('CREDENTIAL', 'PROOFING_UPGRADE');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('DRAFT', 'PAYMENT_PROCESSING', 'AWAITING_PAYMENT', 'PAID', 'PAYMENT_FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'INVOICE');

-- CreateEnum
CREATE TYPE "LicenseKeyStatus" AS ENUM ('UNUSED', 'ACTIVATED', 'REVOKED');

-- CreateEnum
CREATE TYPE "CredentialStatus" AS ENUM ('PROOFING_REQUIRED', 'PHONE_REGISTRATION_REQUIRED', 'ACTIVE', 'EXPIRED', 'REVOKED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditType" ADD VALUE 'ORDER_SUBMITTED';
ALTER TYPE "AuditType" ADD VALUE 'ORDER_PAID';
ALTER TYPE "AuditType" ADD VALUE 'PAYMENT_FAILED';
ALTER TYPE "AuditType" ADD VALUE 'INVOICE_MARKED_PAID';
ALTER TYPE "AuditType" ADD VALUE 'LICENSE_KEY_ISSUED';
ALTER TYPE "AuditType" ADD VALUE 'LICENSE_KEY_REVOKED';
ALTER TYPE "AuditType" ADD VALUE 'LICENSE_KEY_ACTIVATED';
ALTER TYPE "AuditType" ADD VALUE 'LICENSE_KEY_ACTIVATION_FAILED';
ALTER TYPE "AuditType" ADD VALUE 'CREDENTIAL_RENEWED';

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "includesProofing" BOOLEAN NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_products" (
    "partnerId" UUID NOT NULL,
    "productId" UUID NOT NULL,

    CONSTRAINT "partner_products_pkey" PRIMARY KEY ("partnerId","productId")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "number" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "partnerId" UUID,
    "renewsCredentialId" UUID,
    "status" "OrderStatus" NOT NULL DEFAULT 'DRAFT',
    "paymentMethod" "PaymentMethod",
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "company" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" CHAR(2),
    "infoCompletedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "cardBrand" TEXT,
    "cardLast4" CHAR(4),
    "stripePaymentIntentId" TEXT,
    "stripeInvoiceId" TEXT,
    "invoiceNumber" TEXT,
    "invoiceDueAt" TIMESTAMP(3),
    "amountPaidCents" INTEGER NOT NULL DEFAULT 0,
    "paymentReference" TEXT,
    "failureCode" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "license_keys" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "keyHash" TEXT NOT NULL,
    "hint" CHAR(4) NOT NULL,
    "sealedKey" TEXT,
    "sealedUntil" TIMESTAMP(3),
    "status" "LicenseKeyStatus" NOT NULL DEFAULT 'UNUSED',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "activatedByUserId" UUID,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "license_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credentials" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "licenseKeyId" UUID NOT NULL,
    "status" "CredentialStatus" NOT NULL,
    "proofingRequired" BOOLEAN NOT NULL,
    "proofedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_stripe_events" (
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_stripe_events_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "products_sku_key" ON "products"("sku");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE UNIQUE INDEX "orders_stripePaymentIntentId_key" ON "orders"("stripePaymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "orders_stripeInvoiceId_key" ON "orders"("stripeInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "orders_invoiceNumber_key" ON "orders"("invoiceNumber");

-- CreateIndex
CREATE INDEX "orders_userId_createdAt_idx" ON "orders"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "orders_status_paymentMethod_idx" ON "orders"("status", "paymentMethod");

-- CreateIndex
CREATE UNIQUE INDEX "license_keys_keyHash_key" ON "license_keys"("keyHash");

-- CreateIndex
CREATE INDEX "license_keys_orderId_idx" ON "license_keys"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_licenseKeyId_key" ON "credentials"("licenseKeyId");

-- CreateIndex
CREATE INDEX "credentials_userId_idx" ON "credentials"("userId");

-- AddForeignKey
ALTER TABLE "partner_products" ADD CONSTRAINT "partner_products_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_products" ADD CONSTRAINT "partner_products_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "partners"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "license_keys" ADD CONSTRAINT "license_keys_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_licenseKeyId_fkey" FOREIGN KEY ("licenseKeyId") REFERENCES "license_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
