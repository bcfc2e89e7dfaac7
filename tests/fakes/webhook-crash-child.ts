// Handles one signed Stripe webhook in its own process and dies by SIGKILL (kill -9) at a chosen point:
//   CRASH_AT=in-transaction  after the key row is written, before the transaction commits
//   CRASH_AT=before-email    after the commit, before the key email is claimed
//   CRASH_AT=before-reply    after the handler returned, before the HTTP reply would go out
// Input on stdin: {"payload": "...", "signature": "..."}. The failpoints live here, not in production code:
// this process installs a Prisma client with a query extension before the portal's modules create theirs.
/* eslint-disable no-restricted-properties -- a test child reads its own instructions */
import { writeSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const crashAt = process.env.CRASH_AT;

function die(): Promise<never> {
  writeSync(2, `failpoint ${crashAt}\n`);
  process.kill(process.pid, "SIGKILL");
  return new Promise<never>(() => {});
}

const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 3 }),
}).$extends({
  query: {
    licenseKey: {
      async create({ args, query }) {
        const created = await query(args);
        if (crashAt === "in-transaction") await die();
        return created;
      },
      async updateMany({ args, query }) {
        // The key email's claim (emailClaimedUntil) is the first write after fulfilOrder's commit.
        if (crashAt === "before-email" && "emailClaimedUntil" in args.data) await die();
        return query(args);
      },
    },
  },
});
// lib/core/db.ts keeps its client on globalThis and creates one only if none is there.
(globalThis as { prisma?: unknown }).prisma = client;

let input = "";
for await (const chunk of process.stdin) input += String(chunk);
const { payload, signature } = JSON.parse(input) as { payload: string; signature: string };

const { handleStripeWebhook } = await import("@/lib/payments/webhooks/handle-stripe-webhook");
const reply = await handleStripeWebhook(payload, signature);
if (crashAt === "before-reply") await die();
process.stdout.write(JSON.stringify(reply));
await client.$disconnect();
