-- Since the last successful phone OTP sign-in: wrong codes in all, and locks so far (each lock is longer).
ALTER TABLE "otp_guards"
  ADD COLUMN "failuresSinceSignIn" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "locksSinceSignIn" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "disabledAt" TIMESTAMP(3);
