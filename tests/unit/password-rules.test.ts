import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@/lib/accounts/accounts";

describe("passwordProblem", () => {
  it("accepts a long, uncommon password unrelated to the user", () => {
    expect(passwordProblem("violet-kettle-harbour-92", ["alice", "asmith", "Alice", "Smith"])).toBeNull();
  });

  it("refuses one character short of the minimum and accepts the minimum", () => {
    expect(passwordProblem("x7#kq".padEnd(PASSWORD_MIN_LENGTH - 1, "z"), [])).toMatch(
      /at least 12 characters/,
    );
    expect(passwordProblem("x7#kq".padEnd(PASSWORD_MIN_LENGTH, "z"), [])).toBeNull();
  });

  it("refuses more than the maximum length and accepts the maximum", () => {
    const longest = "x7#kq-".repeat(30).slice(0, PASSWORD_MAX_LENGTH);
    expect(passwordProblem(longest, [])).toBeNull();
    expect(passwordProblem(`${longest}y`, [])).toMatch(/at most 128 characters/);
  });

  it.each(["password1234", "PASSWORD1234", "qwerty123456", "123456789012", "letmein12345"])(
    "refuses the common password %s whatever its case",
    (password) => {
      expect(passwordProblem(password, [])).toBe("This password is too common.");
    },
  );

  it("refuses a single character repeated", () => {
    expect(passwordProblem("zzzzzzzzzzzzzzzz", [])).toBe("This password is too common.");
  });

  it("refuses a password containing the user's name, email name or user ID, ignoring case", () => {
    const personal = ["alice.smith", "asmith42", "Alice", "Smithson"];
    expect(passwordProblem("my-name-is-ALICE-2024", personal)).toMatch(/name, email address or user ID/);
    expect(passwordProblem("xx-asmith42-xx-yy", personal)).toMatch(/name, email address or user ID/);
    expect(passwordProblem("hello alice.smith!", personal)).toMatch(/name, email address or user ID/);
    expect(passwordProblem("the-smithsonian-trip", personal)).toMatch(/name, email address or user ID/);
  });

  it("ignores personal values shorter than four characters, which would refuse too much", () => {
    expect(passwordProblem("bob-builds-bridges-9", ["Bob", "Li"])).toBeNull();
  });
});
