// Pure: the one thing a user should do next with a credential, as the dashboard says it.
import type { CredentialStatus } from "./credentials";

export type NextStep = { text: string; href: string };

export type NextStepInput = {
  id: string;
  status: CredentialStatus;
  /** Whole days left while due for renewal (30 or fewer), else null. */
  expiresInDays: number | null;
  /** A booked live video proofing appointment, in the user's zone. */
  appointment?: { startsAt: Date; timeZone: string };
  /** An agent's activation code waits to be entered. */
  hasPendingCode: boolean;
};

/** "Tue 3 Dec at 10:00" in `timeZone`. */
export function appointmentWhen(startsAt: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(startsAt)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute}`;
}

export function nextStep(c: NextStepInput): NextStep | null {
  const at = (path: string) => `/credentials/${c.id}${path}`;
  switch (c.status) {
    case "REVOKED":
      return null;
    case "EXPIRED":
      return { text: "Expired: renew it to use it again", href: `/store?renew=${c.id}` };
    case "PROOFING_REQUIRED":
      if (c.hasPendingCode) return { text: "Enter your activation code", href: at("/activate-code") };
      if (c.appointment)
        return {
          text: `Your appointment is ${appointmentWhen(c.appointment.startsAt, c.appointment.timeZone)}`,
          href: at("/proofing/appointment"),
        };
      return { text: "Complete identity proofing", href: at("/proofing") };
    case "PHONE_REGISTRATION_REQUIRED":
      return { text: "Register a phone", href: at("/phones") };
    case "ACTIVE":
      if (c.expiresInDays === null) return null;
      return {
        text: c.expiresInDays <= 1 ? "Renew by tomorrow" : `Renew in ${c.expiresInDays} days`,
        href: `/store?renew=${c.id}`,
      };
  }
}
