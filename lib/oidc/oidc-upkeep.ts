import "server-only";
import * as payloads from "./payload-repository";

/** Deletes the provider's expired sessions, interactions, codes and tokens; returns how many. */
export function deleteExpiredPayloads(now = new Date()): Promise<number> {
  return payloads.deleteExpiredPayloads(now);
}
