import type { EmailMessage } from "@/lib/messaging/messaging";
import { appointmentInvite } from "./ics";
import { IDENTITY_DOCUMENTS, formatInZone, type IdentityDocument } from "./video";

type Appointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  userTimeZone: string;
  contactEmail: string;
  documents: string[];
  meetingUrl: string;
  firstName: string;
};

const SIGNATURE = "\n\n— Managed Access Gateway (MAG)";
const documents = (a: Appointment) =>
  a.documents.map((d) => `- ${IDENTITY_DOCUMENTS[d as IdentityDocument] ?? d}`).join("\n");

/** The appointment's calendar entry: one UID per appointment; a cancel removes it from the calendar. */
function inviteAttachment(a: Appointment, organizer: string, now: Date, cancel: boolean, filename?: string) {
  const method = cancel ? "CANCEL" : "REQUEST";
  return {
    filename: filename ?? "proofing-appointment.ics",
    contentType: `text/calendar; method=${method}; charset=UTF-8`,
    content: appointmentInvite({
      uid: `${a.id}@mag-portal`,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      summary: "MAG live video identity proofing",
      description: `Meet a MAG proofing agent. Join: ${a.meetingUrl}`,
      url: a.meetingUrl,
      organizerEmail: organizer,
      attendeeEmail: a.contactEmail,
      now,
      method,
      sequence: cancel ? 1 : 0,
    }),
  };
}

export function appointmentConfirmation(
  a: Appointment,
  organizer: string,
  accountUrl: string,
  now: Date,
  replaced: Appointment[] = [],
): EmailMessage {
  const when = formatInZone(a.startsAt, a.userTimeZone);
  const moved = replaced.length
    ? ` It replaces your appointment on ${replaced.map((r) => formatInZone(r.startsAt, r.userTimeZone)).join(" and ")}, which leaves your calendar.`
    : "";
  return {
    to: a.contactEmail,
    subject: "Your live video proofing appointment is confirmed",
    text: `Hello ${a.firstName},\n\nYour live video proofing appointment is on ${when}. The calendar invite is attached.${moved}\n\nShortly before the appointment (15 minutes), we email you the link to the meeting. Bring the identity documents you listed:\n${documents(a)}\n\nHow to prepare (accepted documents, what the agent will ask, your camera): ${new URL("/help/identity-proofing", accountUrl).toString()}\n\nThere is limited time for troubleshooting during the appointment. If you cannot attend, reschedule or cancel from your MAG account: ${accountUrl}\nFailure to appear will require you to reschedule from your MAG account.${SIGNATURE}`,
    attachments: [
      inviteAttachment(a, organizer, now, false),
      ...replaced.map((r) => inviteAttachment(r, organizer, now, true, "proofing-appointment-cancelled.ics")),
    ],
  };
}

export function appointmentReminder(a: Appointment): EmailMessage {
  return {
    to: a.contactEmail,
    subject: "Reminder: your live video proofing appointment is tomorrow",
    text: `Hello ${a.firstName},\n\nThis is a reminder of your live video proofing appointment on ${formatInZone(a.startsAt, a.userTimeZone)}. Have these documents at hand:\n${documents(a)}\n\nWe email the meeting link 15 minutes before the start.${SIGNATURE}`,
  };
}

export function meetingLinkMessage(a: Appointment): EmailMessage {
  return {
    to: a.contactEmail,
    subject: "Join your live video proofing session",
    text: `Hello ${a.firstName},\n\nYour live video proofing session starts at ${formatInZone(a.startsAt, a.userTimeZone)}. Join it here, signed in to your MAG account:\n${a.meetingUrl}\n\nA MAG proofing agent will ask you to show your identity documents and answer a few yes or no questions. Only you may attend.${SIGNATURE}`,
  };
}

/** Cancelled, missed or voided: the email says why and carries the calendar's CANCEL for the same entry. */
export function appointmentCancelled(
  a: Appointment,
  reason: "cancelled" | "no_show" | "credential_revoked",
  accountUrl: string,
  organizer: string,
  now: Date,
): EmailMessage {
  const when = formatInZone(a.startsAt, a.userTimeZone);
  const attachments = [inviteAttachment(a, organizer, now, true)];
  if (reason === "credential_revoked") {
    return {
      to: a.contactEmail,
      subject: "Your proofing appointment is cancelled",
      text: `Hello ${a.firstName},\n\nYour live video proofing appointment (${when}) was cancelled because MAG support revoked the credential it was for. If you did not expect this, contact MAG support from your account: ${accountUrl}${SIGNATURE}`,
      attachments,
    };
  }
  const what =
    reason === "no_show"
      ? "The proofing agent recorded that you did not attend your appointment"
      : "Your live video proofing appointment was cancelled";
  return {
    to: a.contactEmail,
    subject:
      reason === "no_show"
        ? "You missed your proofing appointment"
        : "Your proofing appointment is cancelled",
    text: `Hello ${a.firstName},\n\n${what} (${when}). To complete identity proofing, schedule a new appointment from your MAG account: ${accountUrl}${SIGNATURE}`,
    attachments,
  };
}

export function proofingFailedMessage(
  a: Appointment,
  instructions: string,
  accountUrl: string,
): EmailMessage {
  return {
    to: a.contactEmail,
    subject: "Your live video proofing was not successful",
    text: `Hello ${a.firstName},\n\nYour live video proofing on ${formatInZone(a.startsAt, a.userTimeZone)} was not successful. The proofing agent's instructions:\n\n${instructions}\n\nYour MAG account: ${accountUrl}${SIGNATURE}`,
  };
}

/** States the expiry date, never the code. */
export function codeExpiryReminder(input: {
  to: string;
  firstName: string;
  expiresAt: Date;
  daysLeft: number;
  accountUrl: string;
}): EmailMessage {
  const date = input.expiresAt.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });
  return {
    to: input.to,
    subject: `Your proofing activation code expires in ${input.daysLeft} day${input.daysLeft === 1 ? "" : "s"}`,
    text: `Hello ${input.firstName},\n\nThe activation code the proofing agent gave you expires on ${date}. Activate it before then from your MAG account: ${input.accountUrl}\n\nIf you lost the code, ask for a new one on the Activate Proofing Code page: after a short identity re-check, the agent issues a new one.${SIGNATURE}`,
  };
}

/** To the agent who passed the applicant: they ask for a new activation code (no code, no contact details). */
export function codeRequestedMessage(input: {
  to: string;
  agentFirstName: string;
  applicantName: string;
  consoleUrl: string;
}): EmailMessage {
  return {
    to: input.to,
    subject: "An applicant asks for a new activation code",
    text: `Hello ${input.agentFirstName},\n\n${input.applicantName}, whose live video proofing you passed, lost their activation code or let it expire and asks for a new one. Re-check their identity (call them on the number they gave for the session), then issue a new code from Proofing › Activation code requests: ${input.consoleUrl}${SIGNATURE}`,
  };
}
