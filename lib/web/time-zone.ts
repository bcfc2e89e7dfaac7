import "server-only";
import { cache } from "react";
import { userTimeZone } from "@/lib/accounts/service";
import { currentSession } from "./auth";

/** The zone the signed-in reader reads dates in (null: UTC, not known yet); read once per request. */
export const readerTimeZone = cache(async (): Promise<string | null> => {
  const session = await currentSession();
  return session ? userTimeZone(session.userId) : null;
});
