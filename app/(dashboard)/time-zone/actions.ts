"use server";

import { rememberDetectedTimeZone } from "@/lib/accounts/service";
import { TimeZoneSchema } from "@/lib/accounts/schemas";
import { z } from "zod";
import { userAction } from "@/lib/web/action";

/** The browser's zone, sent once by DetectTimeZone while the profile has none. */
export const rememberTimeZoneAction = userAction(
  z.object({ timeZone: TimeZoneSchema }),
  async (input, { session }) => {
    await rememberDetectedTimeZone(session.userId, input.timeZone);
    return { status: "success", message: "" };
  },
);
