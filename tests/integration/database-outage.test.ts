import pg from "pg";
import { describe, expect, it } from "vitest";
import { poolSettings, query } from "@/lib/core/sql";
import { db } from "../setup/db";
import { errorResponse } from "@/lib/web/http";

describe("when the database cannot be reached or a statement hangs", () => {
  it("an API call answers 503 with Retry-After, never 500", async () => {
    // A real connection failure from node-postgres: nothing listens on port 1.
    const down = new pg.Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/portal",
      connectionTimeoutMillis: 2_000,
    });
    const error = await down.query("SELECT 1").then(
      () => null,
      (e: unknown) => e,
    );
    await down.end();
    expect(error).not.toBeNull();

    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "service.unavailable" } });
  });

  it("both pools bound the wait for a connection and the length of a statement", async () => {
    expect(poolSettings()).toMatchObject({
      connectionTimeoutMillis: 5_000,
      statement_timeout: 10_000,
      idle_in_transaction_session_timeout: 10_000,
    });
    // The server enforces it: this session's statement timeout is the configured one.
    const [row] = await query<{ statement_timeout: string }>("test-show-timeout", "SHOW statement_timeout");
    expect(row!.statement_timeout).toBe("10s");
    const [prismas] = await db().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(prismas!.statement_timeout).toBe("10s");
  });

  it("a restart that ends the pools' idle connections costs nothing: both pools open new ones", async () => {
    await query("test-select-one", "SELECT 1");
    await db().$queryRaw`SELECT 1`;
    // What a PostgreSQL restart or failover does to idle connections (FATAL 57P01 on each).
    const admin = new pg.Client({ connectionString: poolSettings().connectionString });
    await admin.connect();
    const { rows } = await admin.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    await admin.end();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // The pools hear of it as an "error" event on an idle client; unheard, it would be an uncaught exception.
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expect(query("test-select-one", "SELECT 1")).resolves.toHaveLength(1);
    await expect(db().$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  });
});
