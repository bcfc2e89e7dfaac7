import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Locator } from "@playwright/test";
import { E2E_SECRETS_FILE } from "./settings";

// Secrets that reach the browser once and are never sent anywhere the teardown could read them back (the
// outbox holds the texted codes and emailed keys): the tests note them here as they see them.

export type SeenSecret = { kind: "activation code" | "recovery code"; value: string };

export function sawSecret(kind: SeenSecret["kind"], value: string) {
  mkdirSync(dirname(E2E_SECRETS_FILE), { recursive: true });
  appendFileSync(E2E_SECRETS_FILE, `${JSON.stringify({ kind, value })}\n`);
}

/** Notes every code of a shown recovery-code list. */
export async function sawRecoveryCodes(items: Locator) {
  for (const code of await items.allTextContents()) sawSecret("recovery code", code.trim());
}

export function secretsSeen(): SeenSecret[] {
  let text = "";
  try {
    text = readFileSync(E2E_SECRETS_FILE, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SeenSecret);
}
