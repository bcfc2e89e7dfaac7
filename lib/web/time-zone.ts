import "server-only";
import { currentSession } from "./auth";

/** The zone the signed-in reader reads dates in (null: UTC, not known yet), from the request's session read. */
export async function readerTimeZone(): Promise<string | null> {
  return (await currentSession())?.timeZone ?? null;
}
