export const PHONE_ERRORS = {
  "phones.invalid_number": "This is not a valid phone number for the selected country.",
  "phones.country_not_served": "We cannot send codes to phone numbers in this country yet.",
  "phones.number_type_refused":
    "This number cannot receive codes: premium-rate, shared-cost, toll-free and internet (VoIP) numbers are not accepted.",
  "phones.voice_not_available": "Voice calls are not available in this country. Please choose Send Text.",
  "phones.sms_to_landline":
    "This looks like a landline, which cannot receive texts. Please choose Send Voice.",
  "phones.numbers_differ": "The two phone numbers do not match.",
  "phones.limit_reached": "This credential already has three phone numbers. Remove one to add another.",
  "phones.already_registered": "This phone number is already registered to this credential.",
  "phones.not_found": "No such phone.",
  "phones.last_phone": "You cannot remove your only phone number. Add another one first.",
  "phones.credential_not_found": "No such credential.",
  "phones.credential_not_ready": "This credential is not ready for phone registration.",
  "phones.fresh_otp_required":
    "For your protection, confirm it is you with a code sent to one of your phones first.",
} as const;

export type PhoneErrorCode = keyof typeof PHONE_ERRORS;
