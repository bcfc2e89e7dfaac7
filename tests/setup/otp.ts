import { outboxFor } from "./outbox";

const CODE_MESSAGE = /verification code is:?\s*((?:\d[,\s]*){6})/;

/**
 * The 6 digits of a code message: "… verification code is 123456. …" (text) or
 * "… verification code is: 1, 2, 3, 4, 5, 6." (voice).
 */
export function codeIn(body: string): string {
  const digits = body.match(CODE_MESSAGE)?.[1]?.replace(/\D/g, "");
  if (!digits || digits.length !== 6) throw new Error(`no 6-digit code in:\n${body}`);
  return digits;
}

/** The code in the newest text or call to `e164` that carries one (change notices to other phones do not). */
export async function latestCode(e164: string): Promise<string> {
  const newest = (await outboxFor(e164)).find((m) => m.channel !== "email" && CODE_MESSAGE.test(m.body));
  if (!newest) throw new Error(`no code sent to ${e164} in the outbox`);
  return codeIn(newest.body);
}

/** A well-formed code that is not `code`; `offset` gives different wrong codes for the same right one. */
export function wrongCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, "0");
}

/**
 * Splits Promise.allSettled results into the values and the error codes of the refusals; anything that is
 * not a DomainError shows up as "unexpected: …" so a crash cannot pass for a refusal.
 */
export function settle<T>(results: PromiseSettledResult<T>[]): { wins: T[]; refusals: string[] } {
  const wins: T[] = [];
  const refusals: string[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") wins.push(r.value);
    else {
      const error = r.reason as { name?: string; code?: string };
      refusals.push(
        error.name === "DomainError" && error.code ? error.code : `unexpected: ${String(r.reason)}`,
      );
    }
  }
  return { wins, refusals };
}
