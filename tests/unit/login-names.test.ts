import { describe, expect, it } from "vitest";
import { isEmailLogin, normalizeLogin } from "@/lib/accounts/accounts";
import { UsernameSchema } from "@/lib/accounts/schemas";

describe("isEmailLogin", () => {
  it("treats anything with an @ as an email address", () => {
    expect(isEmailLogin("alice@example.com")).toBe(true);
    expect(isEmailLogin("@odd")).toBe(true);
  });

  it("treats a name without @ as a user ID", () => {
    expect(isEmailLogin("alice.smith")).toBe(false);
  });

  it("never mistakes a valid user ID for an email address", () => {
    expect(UsernameSchema.safeParse("alice@example").success).toBe(false);
  });
});

describe("normalizeLogin", () => {
  it("trims and lower-cases so sign-in is case-insensitive", () => {
    expect(normalizeLogin("  Alice.Smith@Example.COM \t")).toBe("alice.smith@example.com");
    expect(normalizeLogin("ASmith42")).toBe("asmith42");
  });
});
