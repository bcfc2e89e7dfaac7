"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/web/action";
import { ActivateLicenseKeyInputSchema } from "@/lib/licensing/schemas";
import { activateLicenseKey } from "@/lib/licensing/service";

export const activateLicenseKeyAction = userAction(
  ActivateLicenseKeyInputSchema,
  async (input, { session, request }) => {
    const activation = await activateLicenseKey(session.userId, input.licenseKey, request);
    redirect(`/credentials/${activation.credentialId}?activated=1`);
  },
);
