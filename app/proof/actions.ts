"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/web/action";
import { startCapture } from "@/lib/proofing/capture-service";
import { StartCaptureInputSchema } from "@/lib/proofing/schemas";
import { setCaptureCookie } from "./capture-cookie";

export const startCaptureAction = publicAction(StartCaptureInputSchema, async (input, { request }) => {
  await setCaptureCookie(await startCapture(input.token, request));
  redirect("/proof/capture/id");
});
