import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/core/errors";
import { ERROR_CATALOG, errorMessage, messageFor } from "@/lib/errors/catalog";

const base = errorMessage("accounts.too_many_attempts");
const wait = (retryAfterSeconds: number) =>
  messageFor(new DomainError("accounts.too_many_attempts", { retryAfterSeconds }));

describe("messageFor", () => {
  it("gives the plain message when there is nothing to wait for", () => {
    expect(messageFor(new DomainError("accounts.invalid_credentials"))).toBe(
      errorMessage("accounts.invalid_credentials"),
    );
  });

  it("counts seconds under a minute, singular and plural", () => {
    expect(wait(1)).toBe(`${base} Try again in 1 second.`);
    expect(wait(59)).toBe(`${base} Try again in 59 seconds.`);
  });

  it("rounds a minute or more up to whole minutes, so the user never retries too early", () => {
    expect(wait(60)).toBe(`${base} Try again in 1 minute.`);
    expect(wait(61)).toBe(`${base} Try again in 2 minutes.`);
    expect(wait(15 * 60)).toBe(`${base} Try again in 15 minutes.`);
  });

  it("has a message and an HTTP error status for every code, in the <module>.<snake_case> form", () => {
    for (const [code, { message, status }] of Object.entries(ERROR_CATALOG)) {
      expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(message.length).toBeGreaterThan(0);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});
