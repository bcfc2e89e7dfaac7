"use server";

import { redirect } from "next/navigation";
import { LinkTokenInputSchema } from "@/lib/accounts/schemas";
import { verifyEmail } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";

export const verifyEmailAction = publicAction(LinkTokenInputSchema, async (input, { request }) => {
  await verifyEmail(input.token, request);
  redirect("/sign-in?verified=1");
});
