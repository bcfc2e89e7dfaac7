// What production (NODE_ENV=production without MAG_DEMO) must not start with, beyond the stand-ins that
// productionProblems names: secrets that `npm run demo` generated for this checkout, and the demo accounts the
// seed creates. server.ts and the worker refuse to start while any is found, naming each.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { productionProblems, type Env } from "@/lib/core/env";
import { countDemoAccounts } from "./repository";

const GENERATED = ["AUTH_SECRET", "TOKEN_PEPPER", "DATA_ENCRYPTION_KEY"] as const;

/** Secrets equal to the ones generated into `dataDir`/secrets.json for local use. */
export function generatedSecretProblems(e: Env, dataDir = path.join(process.cwd(), ".data")): string[] {
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) return [];
  const generated = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return GENERATED.filter((name) => generated[name] && generated[name] === e[name]).map(
    (name) => `${name} is the one npm run demo generated in .data/secrets.json: set a secret of your own`,
  );
}

/** Everything that keeps this configuration from serving real users; empty outside production. */
export async function unsafeProductionProblems(e: Env, dataDir?: string): Promise<string[]> {
  if (e.NODE_ENV !== "production" || e.MAG_DEMO) return [];
  const problems = [...productionProblems(e), ...generatedSecretProblems(e, dataDir)];
  const demoAccounts = await countDemoAccounts().catch(() => 0);
  if (demoAccounts > 0)
    problems.push(
      `${demoAccounts} demo account(s) on example.com exist (SEED_DEMO_ACCOUNTS): delete them, they share a published password`,
    );
  return problems;
}

/** Throws, naming every problem, when production would start unsafely. */
export async function assertSafeProduction(e: Env, dataDir?: string): Promise<void> {
  const problems = await unsafeProductionProblems(e, dataDir);
  if (problems.length === 0) return;
  throw new Error(
    `Refusing to start in production with local stand-ins or demo settings (set MAG_DEMO=true only for a demo):\n- ${problems.join("\n- ")}`,
  );
}
