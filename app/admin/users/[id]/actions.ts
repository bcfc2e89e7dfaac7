"use server";

import { revalidatePath } from "next/cache";
import {
  ChangeRoleInputSchema,
  RevokeSessionsInputSchema,
  SetAccountStatusInputSchema,
  SupportActionInputSchema,
} from "@/lib/admin/schemas";
import {
  changeRole,
  liftUserOtpLockout,
  resetUserPhones,
  revokeSessions,
  setAccountStatus,
} from "@/lib/admin/service";
import { staffAction } from "@/lib/core/action";

export const setStatusAction = staffAction(
  ["SUPPORT", "ADMIN"],
  SetAccountStatusInputSchema,
  async (input, { session, request }) => {
    await setAccountStatus(session, input, request);
    revalidatePath(`/admin/users/${input.userId}`);
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
    revalidatePath(`/admin/users/${input.userId}`);
    return { status: "success", message: "Role changed." };
  },
);

export const revokeSessionsAction = staffAction(
  ["SUPPORT", "ADMIN"],
  RevokeSessionsInputSchema,
  async (input, { session, request }) => {
    await revokeSessions(session, input.userId, request);
    revalidatePath(`/admin/users/${input.userId}`);
    return { status: "success", message: "All sessions of this user were signed out." };
  },
);

// No revalidation for these two: the confirmation would go with the re-rendered form.
export const liftOtpLockoutAction = staffAction(
  ["SUPPORT", "ADMIN"],
  SupportActionInputSchema,
  async (input, { session, request }) => {
    await liftUserOtpLockout(session, input, request);
    return { status: "success", message: "The phone OTP lockout is lifted." };
  },
);

export const resetPhonesAction = staffAction(
  ["SUPPORT", "ADMIN"],
  SupportActionInputSchema,
  async (input, { session, request }) => {
    const removed = await resetUserPhones(session, input, request);
    return {
      status: "success",
      message: `Removed ${removed} phone number${removed === 1 ? "" : "s"} and signed the user out. They register a phone again after signing in.`,
    };
  },
);
