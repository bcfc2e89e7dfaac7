"use server";

import { revalidatePath } from "next/cache";
import {
  ChangeRoleInputSchema,
  RevokeSessionsInputSchema,
  SetAccountStatusInputSchema,
} from "@/lib/admin/schemas";
import { changeRole, revokeSessions, setAccountStatus } from "@/lib/admin/service";
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
