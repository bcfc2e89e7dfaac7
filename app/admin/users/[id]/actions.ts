"use server";

import {
  ChangeLegalIdentityInputSchema,
  ChangeRoleInputSchema,
  EndSessionInputSchema,
  ResetPhonesInputSchema,
  RevokeCredentialInputSchema,
  SetAccountStatusInputSchema,
  SupportActionInputSchema,
} from "@/lib/admin/schemas";
import {
  changeRole,
  endUserSession,
  liftUserOtpLockout,
  resetUserPhones,
  changeLegalIdentity,
  grantAnotherProofingAttempt,
  revokeCredential,
  revokeSessions,
  setAccountStatus,
} from "@/lib/admin/service";
import { staffAction } from "@/lib/web/action";
import { SUPPORT_ROLES } from "@/lib/web/auth";

// No revalidation: each form is replaced by its confirmation, which a re-render would take away.

export const setStatusAction = staffAction(
  SUPPORT_ROLES,
  SetAccountStatusInputSchema,
  async (input, { session, request }) => {
    await setAccountStatus(session, input, request);
    return {
      status: "success",
      message: input.status === "DISABLED" ? "Account disabled and signed out." : "Account enabled.",
    };
  },
);

export const changeRoleAction = staffAction(
  ["ADMIN"],
  ChangeRoleInputSchema,
  async (input, { session, request }) => {
    await changeRole(session, input, request);
    return { status: "success", message: "Role changed." };
  },
);

export const revokeSessionsAction = staffAction(
  SUPPORT_ROLES,
  SupportActionInputSchema,
  async (input, { session, request }) => {
    await revokeSessions(session, input, request);
    return { status: "success", message: "All sessions of this user were signed out." };
  },
);

export const endSessionAction = staffAction(
  SUPPORT_ROLES,
  EndSessionInputSchema,
  async (input, { session, request }) => {
    await endUserSession(session, input, request);
    return { status: "success", message: "The session was ended; it is refused on its next request." };
  },
);

export const revokeCredentialAction = staffAction(
  SUPPORT_ROLES,
  RevokeCredentialInputSchema,
  async (input, { session, request }) => {
    await revokeCredential(session, input, request);
    return {
      status: "success",
      message: "The credential is revoked: its phones no longer sign in, and the user was signed out.",
    };
  },
);

export const grantProofingAttemptAction = staffAction(
  SUPPORT_ROLES,
  RevokeCredentialInputSchema,
  async (input, { session, request }) => {
    await grantAnotherProofingAttempt(session, input, request);
    return {
      status: "success",
      message: "Done: the user may start one more proofing attempt, self-service included.",
    };
  },
);

export const liftOtpLockoutAction = staffAction(
  SUPPORT_ROLES,
  SupportActionInputSchema,
  async (input, { session, request }) => {
    await liftUserOtpLockout(session, input, request);
    return { status: "success", message: "The phone OTP lockout is lifted." };
  },
);

export const resetPhonesAction = staffAction(
  SUPPORT_ROLES,
  ResetPhonesInputSchema,
  async (input, { session, request }) => {
    const removed = await resetUserPhones(session, input, request);
    return {
      status: "success",
      message: `Removed ${removed} phone number${removed === 1 ? "" : "s"} and signed the user out. They register a phone again after signing in.`,
    };
  },
);

export const changeLegalIdentityAction = staffAction(
  SUPPORT_ROLES,
  ChangeLegalIdentityInputSchema,
  async (input, { session, request }) => {
    await changeLegalIdentity(session, input, request);
    return {
      status: "success",
      message: "The change is recorded. Their next credential with proofing needs a new identity proofing.",
    };
  },
);
