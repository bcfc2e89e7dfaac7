"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/web/action";
import { recordOutcome, reissueActivationCode, setAgentAvailability } from "@/lib/proofing/agent-service";
import {
  RecordOutcomeInputSchema,
  ReissueCodeInputSchema,
  SetAvailabilityInputSchema,
} from "@/lib/proofing/schemas";

export const setAvailabilityAction = staffAction(
  ["PROOFING_AGENT"],
  SetAvailabilityInputSchema,
  async (input, { session, request }) => {
    await setAgentAvailability(session.userId, input, request);
    revalidatePath("/admin/proofing");
    return { status: "success", message: "Your availability is saved." };
  },
);

/** The code is in this response only: it is shown to the agent once and stored nowhere in clear. */
export const recordOutcomeAction = staffAction(
  ["PROOFING_AGENT"],
  RecordOutcomeInputSchema,
  async (input, { session, request }) => {
    const result = await recordOutcome(session, input, request);
    if (result.outcome === "PASS") {
      const until = result.expiresAt.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });
      return {
        status: "success",
        message: `Proofing passed. Give the applicant this activation code now; it cannot be shown again. Activation code: ${result.code} (valid until ${until}).`,
      };
    }
    return {
      status: "success",
      message:
        result.outcome === "FAIL"
          ? "Proofing failed. Your instructions were emailed to the applicant."
          : "Recorded as a no-show. The applicant must reschedule from their account.",
    };
  },
);

export const reissueCodeAction = staffAction(
  ["SUPPORT", "PROOFING_AGENT", "ADMIN"],
  ReissueCodeInputSchema,
  async (input, { session, request }) => {
    const { code } = await reissueActivationCode(session, input, request);
    return {
      status: "success",
      message: `A new activation code was issued and the old one no longer works. Give it to the user now; it cannot be shown again. Activation code: ${code}`,
    };
  },
);
