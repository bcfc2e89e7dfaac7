// Who may reach every page, route handler and form action of the portal. access-matrix.spec.ts calls each
// one as every role with another user's ids, and fails when the build has an entry this file lacks.

export type Role = "USER" | "SUPPORT" | "PROOFING_AGENT" | "ADMIN";
export const ROLES: Role[] = ["USER", "SUPPORT", "PROOFING_AGENT", "ADMIN"];
const SUPPORT: Role[] = ["SUPPORT", "ADMIN"];

/** The owner's objects that the other callers name by id. */
export type OwnerIds = {
  user: string;
  credential: string;
  order: string;
  phone: string;
  appointment: string;
  /** One of the owner's signed-in sessions (My Account › Security names it to sign it out). */
  session: string;
};

export type Rule =
  /** No session needed: sign-in and sign-up pages, token links, the partner API, signed webhooks. */
  | { access: "public"; why: string }
  /** Any signed-in user, about their own account only (the URL and form name no object). */
  | { access: "signed-in" }
  /** Names one of the owner's objects: everyone else (but `staff`, who may look) gets 404, audited. */
  | { access: "owner"; object: keyof OwnerIds; staff?: Role[] }
  /**
   * Staff roles only: everyone else gets 403, audited. With `object`, the roles in `ownOnly` (default: all of
   * `roles`) may only name their own (an agent's own appointment), else 404, audited.
   */
  | { access: "roles"; roles: Role[]; object?: keyof OwnerIds; ownOnly?: Role[] };

export type PageRule = Rule & { path?: (ids: OwnerIds) => string };
export type ActionRule = Rule & { fields?: (ids: OwnerIds) => Record<string, string> };

const credentialPage = (suffix = ""): PageRule => ({
  access: "owner",
  object: "credential",
  path: (ids) => `/credentials/${ids.credential}${suffix}`,
});
const checkoutPage = (step: string): PageRule => ({
  access: "owner",
  object: "order",
  path: (ids) => `/store/checkout/${ids.order}/${step}`,
});
const PROOFING_STEPS = [
  "appointment",
  "capture",
  "country",
  "details",
  "identity",
  "instructions",
  "kba",
  "method",
  "mobile",
  "name",
  "result",
  "schedule",
  "service",
  "slot",
  "terms",
  "video",
];

/** What server.ts answers itself, outside Next's router (lib/api/v1.ts): not in the build's route list. */
export const SERVER_ROUTES: Record<string, PageRule> = {
  "/api/v1/sign-in": { access: "public", why: "partner sign-in API (password)" },
  "/api/v1/sign-in/otp/send": { access: "public", why: "partner sign-in API (challenge token)" },
  "/api/v1/sign-in/otp/verify": { access: "public", why: "partner sign-in API (challenge token)" },
};

/** Pages and route handlers, keyed by the route as the build lists it (`.next/app-path-routes-manifest.json`). */
export const ROUTES: Record<string, PageRule> = {
  "/": { access: "public", why: "sends to the dashboard or to sign in" },
  "/sign-in": { access: "public", why: "sign-in" },
  "/sign-in/verify": { access: "public", why: "the pending sign-in's own cookie" },
  "/sign-in/recover": { access: "public", why: "the pending sign-in's own cookie" },
  "/sign-in/recover/phone": { access: "public", why: "the recovered sign-in's own cookie" },
  "/sign-up": { access: "public", why: "sign-up" },
  "/help": { access: "public", why: "help for everyone" },
  "/help/identity-proofing": { access: "public", why: "help for everyone" },
  "/privacy": { access: "public", why: "a public statement" },
  "/accessibility": { access: "public", why: "a public statement" },
  "/forgot-password": { access: "public", why: "password reset" },
  "/reset-password": { access: "public", why: "emailed token" },
  "/approve-phone": { access: "public", why: "emailed token" },
  "/verify-email": { access: "public", why: "emailed token" },
  "/this-wasnt-me": { access: "public", why: "emailed token" },
  "/sign-in/reopen": { access: "public", why: "a closed account's password sign-in (signed cookie)" },
  "/confirm-email": { access: "public", why: "emailed token" },
  "/undo-email-change": { access: "public", why: "emailed token" },
  "/proof/[token]": { access: "public", why: "texted proofing link token" },
  "/proof/capture/id": { access: "public", why: "capture-session cookie" },
  "/proof/capture/selfie": { access: "public", why: "capture-session cookie" },
  "/proof/capture/done": { access: "public", why: "capture-session cookie" },
  "/proof/capture/upload": { access: "public", why: "capture-session cookie" },
  "/proof/verified": { access: "public", why: "Stripe Identity's return page, shows nothing of the case" },
  "/dev/outbox": { access: "public", why: "local delivery only; 404 once a provider is configured" },
  "/api/dev/outbox": { access: "public", why: "local delivery only; 404 once a provider is configured" },
  "/api/auth/[...nextauth]": { access: "public", why: "next-auth's own endpoints" },
  "/api/webhooks/stripe": { access: "public", why: "Stripe signature" },
  "/api/webhooks/twilio": { access: "public", why: "Twilio signature" },
  "/partner-return": {
    access: "public",
    why: "replays this browser's own pending partner sign-in (its cookie)",
  },
  "/dashboard": { access: "signed-in" },
  "/account": { access: "signed-in" },
  "/account/password": { access: "signed-in" },
  "/account/email": { access: "signed-in" },
  "/account/close": { access: "signed-in" },
  "/account/security": { access: "signed-in" },
  "/account/data": { access: "signed-in" },
  "/account/data/download": { access: "signed-in" },
  "/account/manage-otp": { access: "signed-in" },
  "/verify": { access: "signed-in" },
  "/account/connected-applications": { access: "signed-in" },
  "/admin/partner-applications": { access: "roles", roles: ["ADMIN"] },
  "/oidc/interaction/[uid]": { access: "signed-in", path: () => "/oidc/interaction/no-such-request-0000" },
  "/account/orders": { access: "signed-in" },
  "/licenses/activate": { access: "signed-in" },
  "/store": { access: "signed-in" },
  "/account/orders/[orderId]/invoice": {
    access: "owner",
    object: "order",
    staff: SUPPORT,
    path: (ids) => `/account/orders/${ids.order}/invoice`,
  },
  "/store/checkout/[orderId]/information": checkoutPage("information"),
  "/store/checkout/[orderId]/payment": checkoutPage("payment"),
  "/store/checkout/[orderId]/confirmation": checkoutPage("confirmation"),
  "/credentials/[id]": credentialPage(),
  "/credentials/[id]/activate-code": credentialPage("/activate-code"),
  "/credentials/[id]/phones": credentialPage("/phones"),
  "/credentials/[id]/proofing": credentialPage("/proofing"),
  ...Object.fromEntries(
    PROOFING_STEPS.map((step) => [`/credentials/[id]/proofing/${step}`, credentialPage(`/proofing/${step}`)]),
  ),
  "/meetings/[id]": { access: "owner", object: "appointment", path: (ids) => `/meetings/${ids.appointment}` },
  "/admin": { access: "roles", roles: SUPPORT },
  "/admin/users/[id]": { access: "roles", roles: SUPPORT, path: (ids) => `/admin/users/${ids.user}` },
  "/admin/invoices": { access: "roles", roles: SUPPORT },
  "/admin/orders": { access: "roles", roles: SUPPORT },
  "/admin/schedule": { access: "roles", roles: SUPPORT },
  "/admin/audit": { access: "roles", roles: SUPPORT },
  "/admin/audit/export": { access: "roles", roles: SUPPORT },
  "/admin/proofing": { access: "roles", roles: ["PROOFING_AGENT"] },
  "/admin/proofing/appointments/[id]": {
    access: "roles",
    roles: ["PROOFING_AGENT"],
    object: "appointment",
    path: (ids) => `/admin/proofing/appointments/${ids.appointment}`,
  },
};

const IDENTITY = {
  firstName: "Avery",
  middleName: "",
  lastName: "Quinn",
  birthDate: "1988-04-12",
  addressLine1: "1 Main Street",
  addressLine2: "",
  city: "Springfield",
  state: "IL",
  postalCode: "62701",
  ssn: "123456789",
};
const INFORMATION = {
  firstName: "Avery",
  lastName: "Quinn",
  email: "avery@example.test",
  phone: "+1 202 555 0143",
  company: "",
  addressLine1: "1 Main Street",
  addressLine2: "",
  city: "Springfield",
  region: "IL",
  postalCode: "62701",
  country: "US",
};
const REASON = { reason: "Access matrix test call", confirm: "on" };

const onCredential =
  (extra: Record<string, string> = {}) =>
  (ids: OwnerIds) => ({ credentialId: ids.credential, ...extra });
const proofingAction = (extra: Record<string, string> = {}): ActionRule => ({
  access: "owner",
  object: "credential",
  fields: onCredential(extra),
});
const P = "app/(dashboard)/credentials/[id]/proofing/actions.ts";

/** Keyed by `<file>#<export>` as the build lists them (`.next/server/server-reference-manifest.json`). */
export const ACTIONS: Record<string, ActionRule> = {
  "components/layout/sign-out-action.ts#signOutAction": { access: "signed-in" },
  "app/(auth)/sign-in/actions.ts#signInAction": { access: "public", why: "sign-in" },
  "app/(auth)/sign-in/verify/actions.ts#sendSignInCodeAction": {
    access: "public",
    why: "the pending sign-in's own phones only",
  },
  "app/(auth)/sign-in/verify/actions.ts#verifySignInCodeAction": { access: "public", why: "pending sign-in" },
  "app/(auth)/sign-in/recover/actions.ts#recoveryCodeSignInAction": {
    access: "public",
    why: "pending sign-in",
  },
  "app/(auth)/sign-in/recover/actions.ts#sendRecoveryPhoneCodeAction": {
    access: "public",
    why: "only a sign-in that spent a recovery code",
  },
  "app/(auth)/sign-in/recover/actions.ts#confirmRecoveryPhoneAction": {
    access: "public",
    why: "only a sign-in that spent a recovery code",
  },
  "app/(auth)/sign-up/actions.ts#signUpAction": { access: "public", why: "sign-up" },
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction": { access: "public", why: "password reset" },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": { access: "public", why: "emailed token" },
  "app/(auth)/approve-phone/actions.ts#approvePhoneAction": { access: "public", why: "emailed token" },
  "app/(auth)/verify-email/actions.ts#verifyEmailAction": { access: "public", why: "emailed token" },
  "app/(auth)/this-wasnt-me/actions.ts#reportSignInAction": { access: "public", why: "emailed token" },
  "app/(auth)/sign-in/reopen/actions.ts#reopenAccountAction": {
    access: "public",
    why: "a closed account's password sign-in (signed cookie)",
  },
  "app/(auth)/confirm-email/actions.ts#confirmEmailAction": { access: "public", why: "emailed token" },
  "app/(auth)/undo-email-change/actions.ts#undoEmailChangeAction": { access: "public", why: "emailed token" },
  "app/proof/actions.ts#startCaptureAction": { access: "public", why: "texted proofing link token" },
  "app/(dashboard)/account/actions.ts#updateProfileAction": { access: "signed-in" },
  "app/(dashboard)/account/email/actions.ts#changeEmailAction": { access: "signed-in" },
  "app/(dashboard)/account/close/actions.ts#closeAccountAction": { access: "signed-in" },
  "app/(dashboard)/time-zone/actions.ts#rememberTimeZoneAction": { access: "signed-in" },
  "app/(dashboard)/account/actions.ts#changePasswordAction": { access: "signed-in" },
  "app/(dashboard)/account/security/actions.ts#signOutSessionAction": {
    access: "owner",
    object: "session",
    fields: (ids) => ({ sessionId: ids.session }),
  },
  "app/(dashboard)/account/security/actions.ts#signOutEverywhereElseAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#allowAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#denyAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#getCredentialAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#cancelWithoutCredentialAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#continueAsAction": { access: "signed-in" },
  "app/oidc/interaction/[uid]/actions.ts#useAnotherAccountAction": { access: "signed-in" },
  "components/layout/partner-return-actions.ts#dismissPartnerReturnAction": { access: "signed-in" },
  "app/(dashboard)/account/connected-applications/actions.ts#revokeConnectionAction": { access: "signed-in" },
  "app/admin/partner-applications/actions.ts#registerApplicationAction": {
    access: "roles",
    roles: ["ADMIN"],
    fields: () => ({
      name: "Matrix partner",
      redirectUris: "https://matrix.example/cb",
      requiredAcr: "urn:mag:aal2",
      clientType: "confidential",
    }),
  },
  "app/(dashboard)/verify/actions.ts#confirmStepUpAction": { access: "signed-in" },
  "app/(dashboard)/account/manage-otp/actions.ts#startUpgradeAction": { access: "signed-in" },
  "app/(dashboard)/account/manage-otp/actions.ts#generateRecoveryCodesAction": { access: "signed-in" },
  "app/(dashboard)/licenses/activate/actions.ts#activateLicenseKeyAction": { access: "signed-in" },
  "app/(dashboard)/store/actions.ts#startOrderAction": { access: "signed-in" },
  "app/(dashboard)/verify/actions.ts#sendStepUpCodeAction": {
    access: "owner",
    object: "phone",
    fields: (ids) => ({ phoneId: ids.phone, channel: "SMS" }),
  },
  "app/(dashboard)/account/manage-otp/actions.ts#removePhoneAction": {
    access: "owner",
    object: "phone",
    fields: (ids) => ({ phoneId: ids.phone }),
  },
  "app/(dashboard)/account/manage-otp/actions.ts#setDefaultPhoneAction": {
    access: "owner",
    object: "phone",
    fields: (ids) => ({ phoneId: ids.phone }),
  },
  "app/(dashboard)/credentials/[id]/phones/actions.ts#sendPhoneCodeAction": {
    access: "owner",
    object: "credential",
    fields: onCredential({
      country: "US",
      phone: "+12025550150",
      phoneConfirm: "+12025550150",
      channel: "SMS",
    }),
  },
  "app/(dashboard)/credentials/[id]/phones/actions.ts#confirmPhoneAction": {
    access: "owner",
    object: "credential",
    fields: onCredential({ code: "123456" }),
  },
  "app/(dashboard)/credentials/[id]/activate-code/actions.ts#checkCodeAction": {
    access: "owner",
    object: "credential",
    fields: onCredential({ code: "ABCD-EFGH-JKLM" }),
  },
  "app/(dashboard)/credentials/[id]/activate-code/actions.ts#activateCodeAction": {
    access: "owner",
    object: "credential",
    fields: onCredential({ code: "ABCD-EFGH-JKLM" }),
  },
  "app/(dashboard)/credentials/[id]/activate-code/actions.ts#requestNewCodeAction": {
    access: "owner",
    object: "credential",
    fields: onCredential({}),
  },
  [`${P}#selectCountryAction`]: proofingAction({ country: "US" }),
  [`${P}#chooseMethodAction`]: proofingAction({ method: "SELF_SERVICE" }),
  [`${P}#confirmNameAction`]: proofingAction(),
  [`${P}#correctNameAction`]: proofingAction({ firstName: "Avery", lastName: "Quinn" }),
  [`${P}#startProofingAction`]: proofingAction(),
  [`${P}#agreeToTermsAction`]: proofingAction(),
  [`${P}#submitIdentityAction`]: proofingAction(IDENTITY),
  [`${P}#submitMobileAction`]: proofingAction({ mobile: "+12025550150" }),
  [`${P}#answerKbaAction`]: proofingAction({ "answer.q1": "a" }),
  [`${P}#resendLinkAction`]: proofingAction(),
  [`${P}#completeProofingAction`]: proofingAction(),
  [`${P}#startNewAttemptAction`]: proofingAction(),
  [`${P}#reviewVideoAction`]: proofingAction(),
  [`${P}#chooseAgentMeetingAction`]: proofingAction(),
  [`${P}#reviewScheduleAction`]: proofingAction(),
  [`${P}#pickSlotAction`]: proofingAction({
    startsAt: "2030-01-07T15:00:00.000Z",
    timeZone: "America/New_York",
  }),
  [`${P}#bookAppointmentAction`]: proofingAction({
    phone: "+12025550150",
    email: "avery@example.test",
    timeZone: "America/New_York",
    "document.passport": "on",
  }),
  [`${P}#cancelAppointmentAction`]: proofingAction(),
  "app/(dashboard)/store/actions.ts#saveInformationAction": {
    access: "owner",
    object: "order",
    fields: (ids) => ({ orderId: ids.order, ...INFORMATION }),
  },
  "app/(dashboard)/store/actions.ts#submitPaymentAction": {
    access: "owner",
    object: "order",
    fields: (ids) => ({ orderId: ids.order, paymentMethod: "INVOICE" }),
  },
  "app/admin/users/[id]/actions.ts#setStatusAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, status: "DISABLED", ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#changeRoleAction": {
    access: "roles",
    roles: ["ADMIN"],
    fields: (ids) => ({ userId: ids.user, role: "ADMIN" }),
  },
  "app/admin/users/[id]/actions.ts#revokeSessionsAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#endSessionAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, sessionId: ids.user, ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#revokeCredentialAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, credentialId: ids.credential, ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#grantProofingAttemptAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, credentialId: ids.credential, ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#liftOtpLockoutAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#resetPhonesAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, identityCheck: "PHOTO_ID", ...REASON }),
  },
  "app/admin/users/[id]/actions.ts#changeLegalIdentityAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ userId: ids.user, firstName: "Renamed", lastName: "Person", ...REASON }),
  },
  "app/admin/invoices/actions.ts#markInvoicePaidAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ orderId: ids.order, paymentReference: "MATRIX-1", amountPaid: "89.00", ...REASON }),
  },
  "app/admin/invoices/actions.ts#resendLicenseKeyAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ orderId: ids.order, ...REASON }),
  },
  "app/admin/invoices/actions.ts#revokeLicenseKeyAction": {
    access: "roles",
    roles: SUPPORT,
    fields: (ids) => ({ orderId: ids.order, ...REASON }),
  },
  "app/admin/proofing/actions.ts#setAvailabilityAction": { access: "roles", roles: ["PROOFING_AGENT"] },
  "app/admin/proofing/actions.ts#recordOutcomeAction": {
    access: "roles",
    roles: ["PROOFING_AGENT"],
    object: "appointment",
    fields: (ids) => ({ appointmentId: ids.appointment, outcome: "NO_SHOW" }),
  },
  // An agent only for a session they passed: the owner's appointment is another agent's.
  "app/admin/proofing/actions.ts#reissueCodeAction": {
    access: "roles",
    roles: ["SUPPORT", "PROOFING_AGENT", "ADMIN"],
    object: "credential",
    ownOnly: ["PROOFING_AGENT"],
    fields: (ids) => ({ credentialId: ids.credential, recheck: "Access matrix test call" }),
  },
};
