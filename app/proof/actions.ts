"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/web/action";
import { providerCaptureUrl, startCapture } from "@/lib/proofing/capture-service";
import { StartCaptureInputSchema } from "@/lib/proofing/schemas";
import { setCaptureCookie } from "./capture-cookie";

export const startCaptureAction = publicAction(StartCaptureInputSchema, async (input, { request }) => {
  const secret = await startCapture(input.token, request);
  await setCaptureCookie(secret);
  // With Stripe Identity the photos and the SSN are taken on Stripe's page.
  redirect((await providerCaptureUrl(secret)) ?? "/proof/capture/id");
});
