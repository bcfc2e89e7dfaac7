import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { SignInInputSchema, SignUpInputSchema } from "@/lib/accounts/schemas";

/** Field → first message, as the form shows them. */
function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) out[String(issue.path[0])] ??= issue.message;
  return out;
}

const validSignUp = {
  firstName: "Alice",
  lastName: "Smith",
  email: "alice@example.com",
  username: "asmith",
  password: "violet-kettle-harbour-92",
  confirmPassword: "violet-kettle-harbour-92",
  country: "US",
};

describe("SignUpInputSchema", () => {
  it("accepts a complete form and normalises email, user ID and country", () => {
    const result = SignUpInputSchema.parse({
      ...validSignUp,
      email: "  Alice.Smith@Example.COM ",
      username: " ASmith_42 ",
      country: "gb",
      firstName: "  Alice ",
    });
    expect(result).toMatchObject({
      email: "alice.smith@example.com",
      username: "asmith_42",
      country: "GB",
      firstName: "Alice",
    });
  });

  it.each(["alice", "alice@", "@example.com", "alice@example", "alice smith@example.com"])(
    "refuses the malformed email %j",
    (email) => {
      expect(fieldErrors(SignUpInputSchema.safeParse({ ...validSignUp, email }))).toEqual({
        email: "Enter a valid email address, like name@example.com.",
      });
    },
  );

  it.each(["alice smith", "alice@home", "-alice", ".alice", "al", "a".repeat(31), "ålice", "alice<script>"])(
    "refuses the user ID %j",
    (username) => {
      expect(fieldErrors(SignUpInputSchema.safeParse({ ...validSignUp, username }))).toHaveProperty(
        "username",
      );
    },
  );

  it.each(["a.b", "alice-smith_2", "0day", "a".repeat(30)])("accepts the user ID %j", (username) => {
    expect(SignUpInputSchema.safeParse({ ...validSignUp, username }).success).toBe(true);
  });

  it("puts a password mismatch on the confirmation field", () => {
    const result = SignUpInputSchema.safeParse({
      ...validSignUp,
      confirmPassword: "violet-kettle-harbour-93",
    });
    expect(fieldErrors(result)).toEqual({ confirmPassword: "The passwords do not match." });
  });

  it.each(["ZZ", "USA", "", "U$"])("refuses the unknown country %j", (country) => {
    expect(fieldErrors(SignUpInputSchema.safeParse({ ...validSignUp, country }))).toEqual({
      country: "Select your country.",
    });
  });

  it("refuses names with markup or control characters", () => {
    const result = SignUpInputSchema.safeParse({
      ...validSignUp,
      firstName: "<b>Al</b>",
      lastName: "Smith\r\nX",
    });
    expect(Object.keys(fieldErrors(result)).sort()).toEqual(["firstName", "lastName"]);
  });
});

describe("SignInInputSchema", () => {
  it("asks for both fields when they are empty or blank", () => {
    expect(fieldErrors(SignInInputSchema.safeParse({ login: "   ", password: "" }))).toEqual({
      login: "Enter your email address or user ID.",
      password: "Enter your password.",
    });
  });

  it("trims the login but keeps the password exactly as typed", () => {
    expect(SignInInputSchema.parse({ login: "  asmith ", password: " secret with spaces " })).toEqual({
      login: "asmith",
      password: " secret with spaces ",
    });
  });
});
