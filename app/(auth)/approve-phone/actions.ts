"use server";

import { z } from "zod";
import { approvePhoneForOneCode } from "@/lib/accounts/service";
import { publicAction } from "@/lib/web/action";

const ApprovePhoneInputSchema = z.object({ token: z.string().min(1).max(200) });

export const approvePhoneAction = publicAction(ApprovePhoneInputSchema, async (input, { request }) => {
  const phone = await approvePhoneForOneCode(input.token, request);
  return {
    status: "success",
    message: `Done. Go back to your sign-in and choose Send Text or Send Voice again: one code may go to ${phone} in the next 30 minutes.`,
  };
});
