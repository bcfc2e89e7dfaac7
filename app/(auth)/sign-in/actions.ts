"use server";

import { redirect } from "next/navigation";
import { SignInInputSchema } from "@/lib/accounts/schemas";
import { signInWithPassword } from "@/lib/accounts/service";
import { publicAction } from "@/lib/core/action";
import { signIn } from "@/lib/core/auth";

export const signInAction = publicAction(SignInInputSchema, async (input, { request }) => {
  const { ticket } = await signInWithPassword(input, request);
  await signIn("credentials", { ticket, redirect: false });
  redirect("/dashboard");
});
