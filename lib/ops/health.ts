// Liveness and readiness as a load balancer or orchestrator asks them. Ready means this instance can serve:
// the database answers, every migration shipped with this build is applied (an instance newer than its database
// stays out of rotation until `npm run db:migrate`), and the object store answers when one is configured.
import { readdirSync } from "node:fs";
import path from "node:path";
import { appliedMigrations } from "./repository";

export type Check = { ok: boolean; detail?: string };
export type Readiness = { ready: boolean; checks: Record<string, Check> };
export type ReadinessProbe = () => Promise<Check>;

/** The migrations this build ships (prisma/migrations, beside the install). */
export function shippedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function checkDatabase(shipped: string[]): Promise<Record<string, Check>> {
  try {
    const applied = await appliedMigrations();
    const missing = shipped.filter((name) => !applied.has(name));
    return {
      database: { ok: true },
      migrations: missing.length
        ? { ok: false, detail: `${missing.length} migration(s) not applied: run npm run db:migrate` }
        : { ok: true },
    };
  } catch {
    // No error text: it may name hosts or users.
    return { database: { ok: false, detail: "unreachable" }, migrations: { ok: false, detail: "unknown" } };
  }
}

/** Every check, run side by side; `extra` probes (the object store) join when configured. */
export async function checkReadiness(
  shipped: string[],
  extra: Record<string, ReadinessProbe> = {},
): Promise<Readiness> {
  const names = Object.keys(extra);
  const [database, ...others] = await Promise.all([
    checkDatabase(shipped),
    ...names.map((name) => extra[name]!().catch((): Check => ({ ok: false, detail: "unreachable" }))),
  ]);
  const checks: Record<string, Check> = { ...database };
  names.forEach((name, i) => (checks[name] = others[i]!));
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
