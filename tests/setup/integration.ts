// Integration tests run against the real PostgreSQL prepared by scripts/test-db.ts (DATABASE_URL).
/* eslint-disable no-restricted-properties -- test setup prepares the environment */
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";
process.env.TOKEN_PEPPER ??= "integration-test-token-pepper-0123456789abcdef";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL ??= "http://127.0.0.1:3100";
process.env.LOG_LEVEL ??= "silent";
process.env.PROOFING_IMAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/portal-test-images-${process.pid}`;
delete process.env.SMTP_URL;
delete process.env.TWILIO_ACCOUNT_SID;
delete process.env.REDIS_URL;
if (!process.env.DATABASE_URL) throw new Error("Run integration tests through `npm run test:integration`.");
