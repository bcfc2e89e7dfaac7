-- Delivery reports for texts and calls (Twilio status callbacks), shown to support next to each code sent.
CREATE TABLE "message_deliveries" (
    "sid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "message_deliveries_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "message_deliveries_updatedAt_idx" ON "message_deliveries"("updatedAt");
