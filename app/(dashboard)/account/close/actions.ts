"use server";

import { redirect } from "next/navigation";
import { closeAccount } from "@/lib/accounts/closing";
import { CloseAccountInputSchema } from "@/lib/accounts/schemas";
import { userAction } from "@/lib/web/action";
import { signOut } from "@/lib/web/auth";

export const closeAccountAction = userAction(CloseAccountInputSchema, async (input, { session, request }) => {
  await closeAccount(session, input.currentPassword, request);
  await signOut({ redirect: false });
  redirect("/sign-in?closed=1");
});
