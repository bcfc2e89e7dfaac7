import type { PasswordSignIn } from "@/lib/accounts/service";

/** The session ticket of a password sign-in that needed no phone OTP. */
export function ticketOf(result: PasswordSignIn): { ticket: string } {
  if (result.kind !== "session") throw new Error("expected a session ticket, got a phone OTP challenge");
  return { ticket: result.ticket };
}

/** The pending sign-in token of a password sign-in that needs the phone OTP. */
export function challengeOf(result: PasswordSignIn): string {
  if (result.kind !== "otp_required") throw new Error("expected a phone OTP challenge, got a session ticket");
  return result.challengeToken;
}
