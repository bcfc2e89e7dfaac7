import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentSession } from "@/lib/core/caller";
import { DomainError, type ErrorCode } from "@/lib/core/errors";
import { requestInfo } from "./request";

/** The kinds of object a URL or form names by id. */
export type ObjectKind =
  "credential" | "order" | "phone" | "appointment" | "user" | "proofing case" | "session";

/** Errors that mean "no such object for you", with the object's kind and the form field that named it. */
const OBJECT_REFUSALS: Partial<Record<ErrorCode, [ObjectKind, string]>> = {
  "phones.not_found": ["phone", "phoneId"],
  "phones.credential_not_found": ["credential", "credentialId"],
  "proofing.not_found": ["credential", "credentialId"],
  "proofing.appointment_not_found": ["appointment", "appointmentId"],
  "store.order_not_found": ["order", "orderId"],
  "admin.user_not_found": ["user", "userId"],
  "sessions.not_found": ["session", "sessionId"],
};

/** The refused object named by `input`, when `code` is an object refusal. */
export function objectRefusal(code: ErrorCode, input: Record<string, string>) {
  const refusal = OBJECT_REFUSALS[code];
  return refusal ? { object: refusal[0], id: input[refusal[1]] } : null;
}

/**
 * Writes the OBJECT_ACCESS_DENIED audit row for a signed-in caller who named an object that is not
 * theirs (or does not exist: to the caller the two look the same, and both are how an id probe looks).
 */
export async function auditObjectRefusal(session: CurrentSession, object: ObjectKind, id: unknown) {
  await recordAudit({
    type: "OBJECT_ACCESS_DENIED",
    result: "DENIED",
    actorId: session.userId,
    subjectUserId: session.userId,
    ...(await requestInfo()),
    // Only a well-formed id is kept: anything else the caller typed stays out of the log.
    detail: { object, id: z.uuid().safeParse(id).data ?? "malformed" },
  });
}

/** For pages: audits the refusal, then answers 404 exactly as for an id that does not exist. */
async function refuseObject(session: CurrentSession, object: ObjectKind, id: unknown): Promise<never> {
  await auditObjectRefusal(session, object, id);
  notFound();
}

/**
 * For by-id pages, the one way to load the caller's object: `load` returns it, or null or a DomainError when
 * there is none for this caller. A malformed id, a missing object and another user's object all answer the
 * same audited 404.
 */
export async function loadOwned<T>(
  session: CurrentSession,
  object: ObjectKind,
  id: string,
  load: (id: string) => Promise<T | null | undefined>,
): Promise<T> {
  if (z.uuid().safeParse(id).success) {
    try {
      const found = await load(id);
      if (found) return found;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return refuseObject(session, object, id);
}
