"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { reportSignIn } from "@/lib/accounts/new-device";
import { publicAction } from "@/lib/web/action";

const ReportSignInInputSchema = z.object({ token: z.string().min(20).max(100) });

export const reportSignInAction = publicAction(ReportSignInInputSchema, async (input, { request }) => {
  const resetToken = await reportSignIn(input.token, request);
  redirect(`/reset-password?token=${encodeURIComponent(resetToken)}&reported=1`);
});
