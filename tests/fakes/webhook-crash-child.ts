// Handles one signed Stripe webhook in its own process and dies by SIGKILL (kill -9) at a chosen point:
//   CRASH_AT=in-transaction  after the key row is written, before the transaction commits
//   CRASH_AT=before-email    after the commit, before the key email is claimed
//   CRASH_AT=before-reply    after the handler returned, before the HTTP reply would go out
// Input on stdin: {"payload": "...", "signature": "..."}.
import { baseClient, crashAt, die, installClient, readInput } from "./failpoint";

const client = baseClient().$extends({
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
installClient(client);

const { payload, signature } = await readInput<{ payload: string; signature: string }>();
const { handleStripeWebhook } = await import("@/lib/payments/webhooks/handle-stripe-webhook");
const reply = await handleStripeWebhook(payload, signature);
if (crashAt === "before-reply") await die();
process.stdout.write(JSON.stringify(reply));
await client.$disconnect();
