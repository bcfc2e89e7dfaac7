import "server-only";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/client";
import type { RequestInfo } from "@/lib/core/caller";
import { auditObjectRefusal, objectRefusal } from "./access";
import { currentSession, requireRole, type CurrentSession } from "./auth";
import { DomainError } from "@/lib/core/errors";
import { errorMessage, messageFor } from "@/lib/errors/catalog";
import { logUnexpected } from "@/lib/core/logger";
import { requestInfo } from "./request";

/** What every form action returns to its `useActionState` form. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed (never passwords or tokens), to refill the form after a refusal. */
  values?: Record<string, string>;
  /** Secrets the action created for the user to write down (recovery codes): shown once, never stored as such. */
  shownOnce?: string[];
};

export const IDLE: FormState = { status: "idle" };

// Never echoed back into a form: secrets, card data (which the portal does not keep) and the SSN.
const SECRET_FIELD = /password|token|ticket|^code$|cardNumber|cardExpiry|securityCode|^ssn$/i;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

type Context<S> = { session: S; request: RequestInfo };
type Handler<T, S> = (input: T, ctx: Context<S>) => Promise<FormState | void>;

function build<Sch extends z.ZodType, S>(
  schema: Sch,
  authenticate: () => Promise<S>,
  handler: Handler<z.infer<Sch>, S>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = formValues(formData);
    const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELD.test(k)));
    const session = await authenticate();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        status: "error",
        message: errorMessage("input.invalid"),
        fieldErrors: fieldErrorsOf(parsed.error),
        values,
      };
    }
    try {
      return (await handler(parsed.data, { session, request: await requestInfo() })) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) {
        // Naming an object that is not the caller's answers 404, as for a page, and is audited.
        const refused = objectRefusal(error.code, raw);
        if (refused && isSession(session)) {
          await auditObjectRefusal(session, refused.object, refused.id);
          notFound();
        }
        return {
          status: "error",
          message: messageFor(error),
          fieldErrors: error.details.fieldErrors,
          values,
        };
      }
      logUnexpected(error, "action failed");
      return { status: "error", message: errorMessage("internal.unexpected"), values };
    }
  };
}

function isSession(value: unknown): value is CurrentSession {
  return typeof value === "object" && value !== null && "userId" in value;
}

/** A form action anyone may call (sign-in, sign-up, password reset). */
export function publicAction<Sch extends z.ZodType>(
  schema: Sch,
  handler: Handler<z.infer<Sch>, CurrentSession | null>,
) {
  return build(schema, currentSession, handler);
}

/** A form action for signed-in users; anyone else is sent to sign in. */
export function userAction<Sch extends z.ZodType>(
  schema: Sch,
  handler: Handler<z.infer<Sch>, CurrentSession>,
) {
  return build(
    schema,
    async () => {
      const session = await currentSession();
      if (!session) redirect("/sign-in");
      return session;
    },
    handler,
  );
}

/** A form action for the given staff roles, checked on the server for every call. */
export function staffAction<Sch extends z.ZodType>(
  roles: readonly Role[],
  schema: Sch,
  handler: Handler<z.infer<Sch>, CurrentSession>,
) {
  return build(schema, () => requireRole(roles), handler);
}
