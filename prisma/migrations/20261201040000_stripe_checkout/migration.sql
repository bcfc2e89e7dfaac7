-- Cards are paid on Stripe Checkout: an order keeps its current Checkout Session, no longer a PaymentIntent
-- (paid orders keep the PaymentIntent id in "paymentReference").
ALTER TABLE "orders" DROP COLUMN "stripePaymentIntentId";
ALTER TABLE "orders" ADD COLUMN "stripeCheckoutSessionId" TEXT;
CREATE UNIQUE INDEX "orders_stripeCheckoutSessionId_key" ON "orders"("stripeCheckoutSessionId");
