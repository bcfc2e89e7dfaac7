// Integration tests run against the real PostgreSQL prepared by scripts/test-db.ts (DATABASE_URL).
/* eslint-disable no-restricted-properties -- test setup prepares the environment */
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";
process.env.TOKEN_PEPPER ??= "integration-test-token-pepper-0123456789abcdef";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL ??= "http://127.0.0.1:3100";
process.env.LOG_LEVEL ??= "silent";
// The local stand-ins (outbox, test card processor, identity checks) serve only in demo mode.
process.env.MAG_DEMO = "true";
process.env.PROOFING_IMAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/portal-test-images-${process.pid}`;
process.env.AUDIT_ARCHIVE_DIR = `${process.env.TMPDIR ?? "/tmp"}/portal-test-audit-archive-${process.pid}`;
delete process.env.S3_BUCKET;
delete process.env.SMTP_URL;
delete process.env.TWILIO_ACCOUNT_SID;
delete process.env.REDIS_URL;
if (!process.env.DATABASE_URL) throw new Error("Run integration tests through `npm run test:integration`.");
// Parallel workers each get their own copy of the migrated database (scripts/test-db.ts --clones).
if (process.env.TEST_DB_CLONES) {
  const worker = Number(process.env.VITEST_POOL_ID);
  if (!(worker >= 1 && worker <= Number(process.env.TEST_DB_CLONES)))
    throw new Error(`No test database for worker ${process.env.VITEST_POOL_ID}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `${url.pathname.replace(/_\d+$/, "")}_${worker}`;
  process.env.DATABASE_URL = url.toString();
}
