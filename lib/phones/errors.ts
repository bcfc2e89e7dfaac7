import type { ErrorEntry, ErrorTable } from "@/lib/core/errors";

// This module's error codes, each with the message users see and the HTTP status of a JSON answer.
export const PHONE_ERRORS = {
  "phones.invalid_number": {
    message: "This is not a valid phone number for the selected country.",
    status: 400,
  },
  "phones.country_not_served": {
    message: "We cannot send codes to phone numbers in this country yet.",
    status: 400,
  },
  "phones.number_type_refused": {
    message:
      "This number cannot receive codes: premium-rate, shared-cost, toll-free and internet (VoIP) numbers are not accepted.",
    status: 409,
  },
  "phones.line_voip": {
    message:
      "This is an internet (VoIP) number, which cannot receive codes safely. Please use a mobile phone number.",
    status: 409,
  },
  "phones.line_toll_free": {
    message: "This is a toll-free number, which cannot receive codes. Please use a mobile phone number.",
    status: 409,
  },
  "phones.line_premium": {
    message:
      "This is a premium-rate or shared-cost number, which cannot receive codes. Please use a mobile phone number.",
    status: 409,
  },
  "phones.line_voicemail": {
    message:
      "This number goes straight to voicemail, so it cannot receive codes. Please use a mobile phone number.",
    status: 409,
  },
  "phones.line_pager": {
    message: "This is a pager number, which cannot receive codes. Please use a mobile phone number.",
    status: 409,
  },
  "phones.voice_not_available": {
    message: "Voice calls are not available in this country. Please choose Send Text.",
    status: 400,
  },
  "phones.sms_to_landline": {
    message: "This looks like a landline, which cannot receive texts. Please choose Send Voice.",
    status: 400,
  },
  "phones.numbers_differ": { message: "The two phone numbers do not match.", status: 400 },
  "phones.limit_reached": {
    message: "This credential already has three phone numbers. Remove one to add another.",
    status: 400,
  },
  "phones.already_registered": {
    message: "This phone number is already registered to this credential.",
    status: 400,
  },
  "phones.not_found": { message: "No such phone.", status: 404 },
  "phones.last_phone": {
    message: "You cannot remove your only phone number. Add another one first.",
    status: 400,
  },
  "phones.credential_not_found": { message: "No such credential.", status: 404 },
  "phones.credential_not_ready": {
    message: "This credential is not ready for phone registration.",
    status: 400,
  },
  "phones.fresh_otp_required": {
    message: "For your protection, confirm it is you with a code sent to one of your phones first.",
    status: 400,
  },
} as const satisfies Record<`phones.${string}`, ErrorEntry>;

export type PhoneErrorCode = keyof typeof PHONE_ERRORS;

declare module "@/lib/core/errors" {
  interface ErrorCatalog extends ErrorTable<typeof PHONE_ERRORS> {}
}
