-- How the session's phone OTP was delivered, for the OpenID Connect amr claim.
ALTER TABLE "sessions" ADD COLUMN "otpChannel" "MessageChannel";
