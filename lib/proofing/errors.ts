export const PROOFING_ERRORS = {
  "proofing.not_found": "No such proofing case.",
  "proofing.not_required": "This credential does not need identity proofing.",
  "proofing.attempts_exhausted":
    "You have used all three identity proofing attempts for this credential. Please contact Customer Support.",
  "proofing.method_unavailable": "This proofing method is not available for the selected country.",
  "proofing.step_unavailable": "Complete the earlier proofing steps first.",
  "proofing.decided": "This proofing attempt is already finished.",
  "proofing.invalid_ssn": "Enter all nine digits of a valid Social Security Number.",
  "proofing.too_young": "You must be 18 or older to complete identity proofing.",
  "proofing.ssn_in_use":
    "This Social Security Number is already proofed on another account. Please contact Customer Support.",
  "proofing.too_many_ssn_checks": "Too many identity checks.",
  "proofing.verifier_unavailable":
    "The identity verification service is not responding. Your answers are kept; please try again.",
  "proofing.kba_incomplete": "Answer every question.",
  "proofing.mobile_invalid": "Enter a valid US mobile number that can receive text messages.",
  "proofing.too_many_link_sends": "Too many proofing links sent.",
  "proofing.link_not_delivered": "We could not text the proofing link. Please try again.",
  "proofing.link_invalid":
    "This proofing link is not valid: it has expired or was already used. Send a new link from the proofing application.",
  "proofing.capture_incomplete": "Capture both sides of your ID first.",
  "proofing.too_many_uploads": "Too many photo uploads.",
  "proofing.image_missing": "Choose or take a photo.",
  "proofing.image_not_a_photo": "This file is not a photo. Upload a JPEG, PNG or HEIC image.",
  "proofing.image_too_large": "This photo is larger than 10 MB. Take it again at a lower resolution.",
  "proofing.image_too_many_pixels":
    "This image is too large to process. Take the photo again with your phone camera.",
  "proofing.image_too_small":
    "This photo is too small to read. Take it again closer to the document, at least 800 by 600 pixels.",
  "proofing.image_unreadable": "We could not read this photo. Take it again, or choose a JPEG or PNG file.",
  "proofing.storage_unavailable": "We could not save your photo. Please try again in a few minutes.",
  "proofing.meeting_unavailable":
    "We could not set up the video meeting for this appointment. Nothing was booked; please try again.",
  "proofing.slot_taken": "This time was just booked by someone else. Please choose another time.",
  "proofing.contact_phone_invalid": "Enter a valid phone number where the agent can reach you.",
  "proofing.appointment_not_found": "No such appointment.",
  "proofing.appointment_closed": "This appointment is already closed.",
  "proofing.too_early_for_no_show":
    "An applicant can be recorded as a no-show only after the appointment has started.",
  "proofing.cannot_pass":
    "To pass, tick the evidence the applicant showed and answer Yes to every question. Otherwise choose Fail.",
  "proofing.instructions_required":
    "Tell the applicant what to do next: the instructions are emailed to them.",
  "proofing.code_invalid": "This activation code is not valid. Check it and try again.",
  "proofing.code_expired":
    "This activation code has expired. Contact MAG Customer Support: after a short identity re-check, an agent can issue a new one.",
  "proofing.too_many_code_attempts": "Too many wrong activation codes.",
  "proofing.no_code_to_reissue": "This credential has no live video proofing that passed.",
} as const;

export type ProofingErrorCode = keyof typeof PROOFING_ERRORS;
