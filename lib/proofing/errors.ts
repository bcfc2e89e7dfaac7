import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const PROOFING_ERRORS = {
  "proofing.not_found": { message: "No such proofing case.", status: 404 },
  "proofing.not_required": { message: "This credential does not need identity proofing.", status: 400 },
  "proofing.attempts_left": {
    message:
      "This credential still has proofing attempts left, self-service included: there is nothing to grant.",
    status: 409,
  },
  "proofing.attempts_exhausted": {
    message:
      "You have used all three identity proofing attempts for this credential. Please contact Customer Support.",
    status: 400,
  },
  "proofing.method_unavailable": {
    message: "This proofing method is not available for the selected country.",
    status: 503,
  },
  "proofing.step_unavailable": { message: "Complete the earlier proofing steps first.", status: 503 },
  "proofing.decided": { message: "This proofing attempt is already finished.", status: 400 },
  "proofing.invalid_ssn": {
    message: "Enter all nine digits of a valid Social Security Number.",
    status: 400,
  },
  "proofing.too_young": { message: "You must be 18 or older to complete identity proofing.", status: 400 },
  "proofing.too_many_ssn_checks": { message: "Too many identity checks.", status: 429 },
  "proofing.verifier_unavailable": {
    message: "The identity verification service is not responding. Your answers are kept; please try again.",
    status: 503,
  },
  "proofing.kba_incomplete": { message: "Answer every question.", status: 400 },
  "proofing.mobile_invalid": {
    message: "Enter a valid US mobile number that can receive text messages.",
    status: 400,
  },
  "proofing.too_many_link_sends": { message: "Too many proofing links sent.", status: 429 },
  "proofing.link_not_delivered": {
    message: "We could not text the proofing link. Please try again.",
    status: 400,
  },
  "proofing.link_invalid": {
    message:
      "This proofing link is not valid: it has expired or was already used. Send a new link from the proofing application.",
    status: 400,
  },
  "proofing.capture_incomplete": { message: "Capture both sides of your ID first.", status: 400 },
  "proofing.too_many_uploads": { message: "Too many photo uploads.", status: 429 },
  "proofing.image_missing": { message: "Choose or take a photo.", status: 400 },
  "proofing.image_not_a_photo": {
    message: "This file is not a photo. Upload a JPEG, PNG or HEIC image.",
    status: 400,
  },
  "proofing.image_too_large": {
    message: "This photo is larger than 10 MB. Take it again at a lower resolution.",
    status: 400,
  },
  "proofing.image_too_many_pixels": {
    message: "This image is too large to process. Take the photo again with your phone camera.",
    status: 429,
  },
  "proofing.image_too_small": {
    message:
      "This photo is too small to read. Take it again closer to the document, at least 800 by 600 pixels.",
    status: 400,
  },
  "proofing.image_unreadable": {
    message: "We could not read this photo. Take it again, or choose a JPEG or PNG file.",
    status: 400,
  },
  "proofing.storage_unavailable": {
    message: "We could not save your photo. Please try again in a few minutes.",
    status: 503,
  },
  "proofing.meeting_unavailable": {
    message:
      "We could not set up the video meeting for this appointment. Nothing was booked; please try again.",
    status: 503,
  },
  "proofing.slot_taken": {
    message: "This time was just booked by someone else. Please choose another time.",
    status: 400,
  },
  "proofing.contact_phone_invalid": {
    message: "Enter a valid phone number where the agent can reach you.",
    status: 400,
  },
  "proofing.appointment_not_found": { message: "No such appointment.", status: 404 },
  "proofing.appointment_closed": { message: "This appointment is already closed.", status: 400 },
  "proofing.too_early_for_no_show": {
    message: "An applicant can be recorded as a no-show only after the appointment has started.",
    status: 400,
  },
  "proofing.cannot_pass": {
    message:
      "To pass, tick the evidence the applicant showed and answer Yes to every question. Otherwise choose Fail.",
    status: 400,
  },
  "proofing.instructions_required": {
    message: "Tell the applicant what to do next: the instructions are emailed to them.",
    status: 400,
  },
  "proofing.code_invalid": {
    message: "This activation code is not valid. Check it and try again.",
    status: 400,
  },
  "proofing.code_expired": {
    message:
      "This activation code has expired. Contact MAG Customer Support: after a short identity re-check, an agent can issue a new one.",
    status: 400,
  },
  "proofing.too_many_code_attempts": { message: "Too many wrong activation codes.", status: 429 },
  "proofing.no_code_to_reissue": {
    message: "This credential has no live video proofing that passed.",
    status: 400,
  },
} as const satisfies Record<`proofing.${string}`, ErrorEntry>;

export type ProofingErrorCode = keyof typeof PROOFING_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof PROOFING_ERRORS> {}
}
