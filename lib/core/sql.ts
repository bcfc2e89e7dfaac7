import "server-only";
import pg from "pg";
import type { Tx } from "./db";
import { env } from "./env";
import { logger } from "./logger";
import { onShutdown } from "./shutdown";

/**
 * Plain node-postgres for the sign-in hot paths (password, OTP send and verify, session checks) and the
 * rate limits. A Prisma query costs about 0.5 ms of CPU in its WASM query compiler, node-postgres with a
 * prepared statement about 0.07 ms; at sign-in rates that difference was most of the portal's CPU
 * (docs/decisions/010-hot-path-sql.md). Everything else stays on Prisma.
 *
 * Prisma stores DateTime as TIMESTAMP(3) without time zone holding UTC, so this pool reads those columns
 * as UTC and `query` sends Dates as UTC ISO strings, whatever the process or server time zone.
 */
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary"): unknown =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? parseUtcTimestamp
      : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

// One pool per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForSql = globalThis as unknown as { sqlPool?: pg.Pool };

export function sqlPool(): pg.Pool {
  if (!globalForSql.sqlPool) {
    const pool = new pg.Pool({ ...poolSettings(), types });
    dropLostIdleConnections(pool, "sql");
    onShutdown("connections", "sql pool", () => pool.end());
    globalForSql.sqlPool = pool;
  }
  return globalForSql.sqlPool;
}

/** This pool, once a query has opened it. */
export function sqlPoolIfOpen(): pg.Pool | undefined {
  return globalForSql.sqlPool;
}

/**
 * Both pools (this one and Prisma's): at most DATABASE_POOL_MAX connections, a bounded wait for one, and
 * statements and idle transactions cancelled by the server after DATABASE_STATEMENT_TIMEOUT_MS, so a stuck
 * query or an outage ends in an error the portal answers (503) instead of requests piling up.
 */
export function poolSettings(): pg.PoolConfig {
  const e = env();
  return {
    connectionString: e.DATABASE_URL,
    max: e.DATABASE_POOL_MAX,
    connectionTimeoutMillis: e.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/**
 * An idle pooled connection the server ended (a restart, a failover, an administrator): the pool drops it and
 * opens another when next asked. Without a listener the pool's "error" event would be an uncaught exception
 * (the worker would exit; Next's server only logs it).
 */
export function dropLostIdleConnections(pool: pg.Pool, name: string) {
  pool.on("error", (error) =>
    logger().warn({ err: error.message, pool: name }, "an idle database connection was lost"),
  );
}

export type SqlValue = string | number | boolean | Date | null | string[] | number[];

/**
 * A write that rides on another module's statement, as data-modifying CTEs: made only when the CTE named by
 * `when` returned rows, so it commits with the change it belongs to or not at all (one round trip for both).
 * `firstParam` is the number of its first placeholder; it names its CTEs after it, so steps do not collide.
 */
export type SqlStep = {
  values: SqlValue[];
  cte: (firstParam: number, when: string) => string;
  /** The CTE whose rows show the step was made, for callers that must know. */
  done?: (firstParam: number) => string;
};

/**
 * Runs one statement as a named prepared statement (parsed and planned once per connection).
 * `name` must be unique per SQL text across the portal.
 */
export async function query<Row extends object>(
  name: string,
  text: string,
  values: SqlValue[] = [],
): Promise<Row[]> {
  const params = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await sqlPool().query<Row>({ name, text, values: params });
  return result.rows;
}

/**
 * Runs one write: inside a Prisma transaction on its connection (so it commits or rolls back with it),
 * else as `query` does. One SQL text serves both, so a write is never implemented twice.
 */
export async function execute(name: string, text: string, values: SqlValue[], tx?: Tx): Promise<void> {
  if (!tx) {
    await query(name, text, values);
    return;
  }
  await tx.$executeRawUnsafe(text, ...values.map((v) => (v instanceof Date ? v.toISOString() : v)));
}
