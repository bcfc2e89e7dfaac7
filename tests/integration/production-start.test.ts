import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env, productionProblems } from "@/lib/core/env";
import {
  assertSafeProduction,
  generatedSecretProblems,
  unsafeProductionProblems,
} from "@/lib/ops/production-checks";
import { createUser } from "../factories/user";
import { resetDb } from "../setup/db";

// The production server refuses to start while a local stand-in would serve real users, and says which
// settings are missing; demo mode (MAG_DEMO=true) is how the demo and the tests run the stand-ins.

function startServer(extra: Record<string, string>) {
  /* eslint-disable no-restricted-properties -- the child process gets a configuration of its own */
  const base = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? "/tmp",
    DATABASE_URL: process.env.DATABASE_URL!,
    AUTH_SECRET: process.env.AUTH_SECRET!,
    TOKEN_PEPPER: process.env.TOKEN_PEPPER!,
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY!,
  };
  /* eslint-enable no-restricted-properties */
  return spawnSync("npx", ["tsx", "server.ts"], {
    env: { ...base, NODE_ENV: "production", PORT: "3999", ...extra },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("starting the production server", () => {
  it("without real providers and without demo mode, exits with a message naming every missing setting", () => {
    const result = startServer({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to start in production with local stand-ins");
    for (const setting of [
      "SMTP_URL",
      "TWILIO_ACCOUNT_SID",
      "STRIPE_SECRET_KEY",
      "TEAMS_TENANT_ID",
      "identity",
    ])
      expect(result.stderr).toContain(setting);
    expect(result.stdout).not.toContain("Portal ready");
  }, 90_000);

  it("with the messaging and payment providers set, still names what is left", () => {
    const result = startServer({
      SMTP_URL: "smtp://127.0.0.1:2525",
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: "token",
      TWILIO_FROM_NUMBER: "+15005550006",
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain("SMTP_URL");
    expect(result.stderr).not.toContain("STRIPE_SECRET_KEY");
    expect(result.stderr).toContain("identity verifier");
  }, 90_000);
});

describe("production's own checks", () => {
  const production = () => ({ ...env(), NODE_ENV: "production" as const, MAG_DEMO: false });

  it("with every real provider, Stripe Identity included, no stand-in is left to refuse", () => {
    const providers = {
      SMTP_URL: "smtp://127.0.0.1:2525",
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: "token",
      TWILIO_FROM_NUMBER: "+15005550006",
      STRIPE_SECRET_KEY: "sk_live_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      TEAMS_TENANT_ID: "tenant",
      TEAMS_CLIENT_ID: "client",
      TEAMS_CLIENT_SECRET: "secret",
      TEAMS_ORGANIZER_ID: "organizer",
    };
    expect(productionProblems({ ...production(), ...providers, STRIPE_IDENTITY: true })).toEqual([]);
    expect(productionProblems({ ...production(), ...providers, STRIPE_IDENTITY: false })).toEqual([
      expect.stringContaining("STRIPE_IDENTITY is not true"),
    ]);
  });

  it("refuse the secrets npm run demo generated for this checkout, naming each", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-"));
    const e = production();
    writeFileSync(
      path.join(dir, "secrets.json"),
      JSON.stringify({
        AUTH_SECRET: e.AUTH_SECRET,
        TOKEN_PEPPER: "another",
        DATA_ENCRYPTION_KEY: e.DATA_ENCRYPTION_KEY,
      }),
    );
    expect(generatedSecretProblems(e, dir)).toEqual([
      "AUTH_SECRET is the one npm run demo generated in .data/secrets.json: set a secret of your own",
      "DATA_ENCRYPTION_KEY is the one npm run demo generated in .data/secrets.json: set a secret of your own",
    ]);
    expect(generatedSecretProblems(e, path.join(dir, "none"))).toEqual([]);
  });

  it("refuse to start while the seed's demo accounts exist; demo mode allows them", async () => {
    await resetDb();
    const empty = mkdtempSync(path.join(tmpdir(), "no-secrets-"));
    expect((await unsafeProductionProblems(production(), empty)).join("\n")).not.toContain("demo account");
    await createUser({ email: "demo-someone@example.com" });
    await expect(assertSafeProduction(production(), empty)).rejects.toThrow(
      /1 demo account\(s\) on example.com exist/,
    );
    expect(await unsafeProductionProblems({ ...production(), MAG_DEMO: true }, empty)).toEqual([]);
  });
});
