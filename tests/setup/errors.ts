import { DomainError, type ErrorCode } from "@/lib/core/errors";

/** Awaits `promise`, expecting it to fail with DomainError `code`; returns the error for further checks. */
export async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code !== code) throw new Error(`expected DomainError ${code}, got ${error.code}`);
    return error;
  }
  throw new Error(`expected DomainError ${code}, but it succeeded with ${JSON.stringify(outcome)}`);
}
