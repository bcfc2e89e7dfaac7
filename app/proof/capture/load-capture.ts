import "server-only";
import { DomainError } from "@/lib/core/errors";
import { getCapture, type CaptureState } from "@/lib/proofing/capture-service";
import { readCaptureCookie } from "../capture-cookie";

/** This phone's capture session, or null when it has none or it ended. */
export async function loadCapture(): Promise<CaptureState | null> {
  try {
    return await getCapture(await readCaptureCookie());
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The page the capture is at: the ID first, then the selfie, then the confirmation. */
export function nextCapturePage(state: CaptureState): string {
  if (state.decided) return "/proof/capture/done";
  if (!state.has.ID_FRONT || !state.has.ID_BACK) return "/proof/capture/id";
  return "/proof/capture/selfie";
}
