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
});
