// Activates one license key in its own process and dies by SIGKILL (kill -9) at a chosen point:
//   CRASH_AT=after-claim       the key row flipped to ACTIVATED inside the transaction, nothing else written
//   CRASH_AT=after-credential  the credential row written too, before the audit row and the commit
//   CRASH_AT=before-reply      after activateLicenseKey returned (committed), before the answer goes out
// Input on stdin: {"userId": "...", "key": "..."}.
import { baseClient, crashAt, die, installClient, readInput } from "./failpoint";

const client = baseClient().$extends({
  query: {
    licenseKey: {
      async updateMany({ args, query }) {
        const updated = await query(args);
        if (crashAt === "after-claim" && args.data.status === "ACTIVATED") await die();
        return updated;
      },
    },
    credential: {
      async create({ args, query }) {
        const created = await query(args);
        if (crashAt === "after-credential") await die();
        return created;
      },
    },
  },
});
installClient(client);

const { userId, key } = await readInput<{ userId: string; key: string }>();
const { activateLicenseKey } = await import("@/lib/licensing/service");
const activation = await activateLicenseKey(userId, key, { ip: "203.0.113.10", userAgent: "crash test" });
if (crashAt === "before-reply") await die();
process.stdout.write(JSON.stringify(activation));
await client.$disconnect();
