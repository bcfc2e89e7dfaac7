"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { ChangePasswordInputSchema, UpdateProfileInputSchema } from "@/lib/accounts/schemas";
import { changePassword, updateProfile } from "@/lib/accounts/service";
import { userAction } from "@/lib/web/action";
import { signOut } from "@/lib/web/auth";

export const updateProfileAction = userAction(
  UpdateProfileInputSchema,
  async (input, { session, request }) => {
    await updateProfile(session.userId, input, request);
    revalidatePath("/", "layout");
    return { status: "success", message: "Your profile was saved.", values: input };
  },
);

export const changePasswordAction = userAction(
  ChangePasswordInputSchema,
  async (input, { session, request }) => {
    await changePassword(session, input, request);
    await signOut({ redirect: false });
    redirect("/sign-in?passwordChanged=1");
  },
);
