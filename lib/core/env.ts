import { z } from "zod";

// The only module that reads process.env (enforced by lint). Parsed lazily so `next build`
// needs no secrets; the first request with a bad configuration fails loudly instead.
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Demo mode: the local stand-ins (outbox, card processor, identity verifier, document checker, meetings)
   * may serve. `npm run demo`, `npm run dev` and the test runners set it; production without it refuses to
   * start until every stand-in is replaced (productionProblems).
   */
  MAG_DEMO: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL is required (npm run demo sets it for the embedded database)"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(5),
  /** How long a request waits for a free connection before it fails (503), not forever. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Longest a statement may run, and a transaction sit idle, before PostgreSQL cancels it. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  TOKEN_PEPPER: z.string().min(32, "TOKEN_PEPPER must be at least 32 characters"),
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "DATA_ENCRYPTION_KEY must be 32 bytes, base64"),
  /** Earlier data keys, comma-separated: they only open what they sealed until `npm run keys:rotate` re-seals it. */
  DATA_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .refine(
      (keys) => keys.every((k) => Buffer.from(k, "base64").length === 32),
      "DATA_ENCRYPTION_PREVIOUS_KEYS must be 32-byte base64 keys, comma-separated",
    ),
  APP_URL: z.string().url().default("http://localhost:3000"),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  REDIS_URL: optionalString,
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default("MAG Portal <no-reply@mag.localhost>"),
  /** Where users report trouble, such as identity proofing they did not do. */
  SUPPORT_EMAIL: z.string().default("support@mag.localhost"),
  /** When MAG Customer Support answers, as the Help page and footer say it. */
  SUPPORT_HOURS: z.string().default("Monday to Friday, 8:00 to 20:00 US Eastern time"),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: optionalString,
  TWILIO_API_BASE_URL: optionalString,
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /**
   * Self-service proofing through Stripe Identity (document, selfie and SSN on Stripe's page) instead of the
   * local identity verifier and document checker. Needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.
   */
  STRIPE_IDENTITY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Sends Stripe API calls to another base URL (a loopback fake in tests). */
  STRIPE_API_BASE_URL: optionalString,
  /** Where encrypted ID photos and selfies are kept (lib/proofing/image-store.ts). */
  PROOFING_IMAGE_DIR: z.string().default(".data/proofing-images"),
  /**
   * An S3-compatible bucket for proofing photos and audit archives, shared by every instance; without it they
   * stay on this machine's disk (PROOFING_IMAGE_DIR, AUDIT_ARCHIVE_DIR).
   */
  S3_BUCKET: optionalString,
  S3_REGION: z.string().default("us-east-1"),
  /** Another S3-compatible service (MinIO, Ceph); with S3_FORCE_PATH_STYLE=true for most of them. */
  S3_ENDPOINT: optionalString,
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Static credentials; without them the AWS SDK's usual chain (instance role, AWS_* variables). */
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Server-side encryption on top of the portal's own: AES256 (S3-managed keys), aws:kms, or none. */
  S3_SERVER_SIDE_ENCRYPTION: z.enum(["AES256", "aws:kms", "none"]).default("AES256"),
  /** Days audit rows stay in the database; older ones are archived as CSV to the object store, then deleted. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).default(400),
  /** Where audit rows past their retention are archived as CSV when no S3_BUCKET is set. */
  AUDIT_ARCHIVE_DIR: z.string().default(".data/audit-archive"),
  /** Microsoft Teams meetings for live video proofing (all four set): an Entra ID app with OnlineMeetings.ReadWrite.All. */
  TEAMS_TENANT_ID: optionalString,
  TEAMS_CLIENT_ID: optionalString,
  TEAMS_CLIENT_SECRET: optionalString,
  TEAMS_ORGANIZER_ID: optionalString,
  /** Send Microsoft login and Graph calls to other base URLs (loopback fakes in tests). */
  TEAMS_LOGIN_BASE_URL: optionalString,
  TEAMS_GRAPH_BASE_URL: optionalString,
  /** Whether the portal process runs background jobs; "false" when `npm run worker` runs them instead. */
  JOBS_IN_PORTAL: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Turns on GET /api/metrics (Prometheus), which then requires `Authorization: Bearer <this token>`. */
  METRICS_TOKEN: optionalString.refine(
    (v) => v === undefined || v.length >= 16,
    "METRICS_TOKEN must be at least 16 characters",
  ),
  /**
   * After SIGTERM, how long the portal keeps serving while /api/ready answers 503, so the load balancer takes it
   * out of rotation before it stops accepting connections: at least the balancer's health-check interval
   * times its failure threshold.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Appends logs to this file instead of standard output. */
  LOG_FILE: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Twilio is used for texts and calls only when all of its variables are set. */
export function isTwilioConfigured(e: Env = env()): boolean {
  return Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM_NUMBER);
}

/** Stripe handles card payments and invoices when its secret key is set; else the local processor does. */
export function isStripeConfigured(e: Env = env()): boolean {
  return Boolean(e.STRIPE_SECRET_KEY);
}

/** Self-service proofing goes to Stripe Identity when STRIPE_IDENTITY is true and Stripe is configured. */
export function isStripeIdentityEnabled(e: Env = env()): boolean {
  return e.STRIPE_IDENTITY && isStripeConfigured(e);
}

/** Live video meetings go to Microsoft Teams only when all of its variables are set. */
export function isTeamsConfigured(e: Env = env()): boolean {
  return Boolean(e.TEAMS_TENANT_ID && e.TEAMS_CLIENT_ID && e.TEAMS_CLIENT_SECRET && e.TEAMS_ORGANIZER_ID);
}

/** The local outbox stores the messages of every channel that has no real provider. */
export function isLocalOutboxActive(e: Env = env()): boolean {
  return !isTwilioConfigured(e) || !e.SMTP_URL;
}

/**
 * The local outbox is readable over HTTP (/dev/outbox) only in demo mode and while no channel has a real
 * provider. Once one provider is real the portal is meant to be reached by others, and the other channel's
 * codes and links must not be public.
 */
export function isLocalOutboxReadable(e: Env = env()): boolean {
  return e.MAG_DEMO && !isTwilioConfigured(e) && !e.SMTP_URL;
}

/**
 * Why this configuration must not serve real users: each local stand-in still in use, with the setting that
 * replaces it. Empty in demo mode and outside production.
 */
export function productionProblems(e: Env = env()): string[] {
  if (e.NODE_ENV !== "production" || e.MAG_DEMO) return [];
  const problems: string[] = [];
  if (!e.SMTP_URL) problems.push("SMTP_URL is not set: email would stay in the local outbox");
  if (!isTwilioConfigured(e))
    problems.push(
      "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER are not all set: codes by text and voice would stay in the local outbox",
    );
  if (!isStripeConfigured(e) || !e.STRIPE_WEBHOOK_SECRET)
    problems.push(
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not both set: cards would go to the local test processor",
    );
  if (!isTeamsConfigured(e))
    problems.push(
      "TEAMS_TENANT_ID, TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_ORGANIZER_ID are not all set: live video meetings would use the local stand-in",
    );
  if (!e.STRIPE_IDENTITY)
    problems.push(
      "STRIPE_IDENTITY is not true: self-service proofing would use the local identity verifier and document checker",
    );
  return problems;
}
