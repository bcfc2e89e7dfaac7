// Reference data (partners, products) on every run; demo accounts only for the embedded demo database
// (SEED_DEMO_ACCOUNTS=true). Idempotent: existing rows are left as they are.
/* eslint-disable no-restricted-properties -- the seed runs outside the app */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Role } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/accounts/password";
import { encrypt } from "../lib/core/crypto";
import { staffState } from "../lib/credentials/credentials";
import { hashClientSecret } from "../lib/oidc/clients";
import { phoneFingerprint } from "../lib/otp/service";

export const DEMO_PASSWORD = "correct-horse-battery-staple";

const PARTNERS = [
  { slug: "northwind-aerospace", name: "Northwind Aerospace" },
  { slug: "contoso-defense", name: "Contoso Defense Systems" },
];

// Prices in cents. The guide's exact product names (with en dashes).
const PRODUCTS = [
  {
    sku: "PHONE-OTP-PROOFED-US-1Y",
    name: "Phone-Based One Time Password (OTP) – With Proofing – US – 1 Year",
    description: "A phone OTP credential for one year, with identity proofing for a higher assurance level.",
    kind: "CREDENTIAL",
    includesProofing: true,
    termMonths: 12,
    priceCents: 8900,
    sortOrder: 1,
    partners: ["northwind-aerospace", "contoso-defense"],
  },
  {
    sku: "PHONE-OTP-US-1Y",
    name: "Phone-Based One Time Password (OTP) – Without Proofing – US – 1 Year",
    description: "A phone OTP credential for one year, without identity proofing.",
    kind: "CREDENTIAL",
    includesProofing: false,
    termMonths: 12,
    priceCents: 3400,
    sortOrder: 2,
    partners: ["northwind-aerospace"],
  },
  {
    sku: "PHONE-OTP-PROOFING-UPGRADE",
    name: "Phone-Based One Time Password (OTP) – Proofing Upgrade",
    description: "Adds identity proofing to a phone OTP credential bought without it.",
    kind: "PROOFING_UPGRADE",
    includesProofing: true,
    termMonths: 0,
    priceCents: 5500,
    sortOrder: 3,
    partners: [],
  },
] as const;

/**
 * Staff sign in to the consoles with a phone OTP: each demo staff account has one registered phone on its
 * staff credential (texts and calls land in the demo outbox, /dev/outbox). README lists the numbers.
 */
export const DEMO_STAFF_PHONES: Partial<Record<string, string>> = {
  "support@example.com": "+12025550101",
  "agent@example.com": "+12025550102",
  "admin@example.com": "+12025550103",
};

const DEMO_ACCOUNTS: { email: string; username: string; firstName: string; lastName: string; role: Role }[] =
  [
    { email: "demo@example.com", username: "demo", firstName: "Dana", lastName: "Demo", role: "USER" },
    {
      email: "support@example.com",
      username: "support",
      firstName: "Sam",
      lastName: "Support",
      role: "SUPPORT",
    },
    {
      email: "agent@example.com",
      username: "agent",
      firstName: "Alex",
      lastName: "Agent",
      role: "PROOFING_AGENT",
    },
    { email: "admin@example.com", username: "admin", firstName: "Ada", lastName: "Admin", role: "ADMIN" },
  ];

/** The staff credential of a demo staff account with one registered phone; left alone once it exists. */
async function giveStaffPhone(email: string, e164: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  if (await db.credential.findFirst({ where: { userId: user.id, kind: "STAFF" }, select: { id: true } }))
    return;
  const now = new Date();
  const credential = await db.credential.create({
    data: { userId: user.id, kind: "STAFF", activatedAt: now, ...staffState(now), status: "ACTIVE" },
    select: { id: true },
  });
  await db.phoneNumber.create({
    data: {
      userId: user.id,
      credentialId: credential.id,
      e164Encrypted: encrypt(e164),
      e164Fingerprint: phoneFingerprint(e164),
      country: "US",
      lastDigits: e164.slice(-2),
      isDefault: true,
      verifiedAt: now,
    },
  });
}

/**
 * The demo partner application (examples/partner-app on port 3002), an OpenID Connect client whose secret
 * ensureLocalSecrets generated (PARTNER_CLIENT_SECRET); left alone once it exists.
 */
async function registerDemoPartnerApp() {
  const secret = process.env.PARTNER_CLIENT_SECRET;
  if (!secret) return;
  const partner = await db.partner.findUnique({
    where: { slug: "northwind-aerospace" },
    select: { id: true },
  });
  await db.partnerApplication.upsert({
    where: { clientId: "demo-partner-app" },
    create: {
      clientId: "demo-partner-app",
      name: "Northwind Partner Portal (demo)",
      redirectUris: ["http://localhost:3002/callback"],
      postLogoutRedirectUris: ["http://localhost:3002/"],
      scopes: ["openid", "email", "profile", "offline_access"],
      requiredAcr: null,
      isConfidential: true,
      clientSecretHash: hashClientSecret(secret),
      tokenEndpointAuthMethod: "client_secret_basic",
      partnerId: partner?.id ?? null,
    },
    update: {},
  });
}

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });

try {
  for (const p of PARTNERS) {
    await db.partner.upsert({ where: { slug: p.slug }, create: p, update: {} });
  }
  for (const { partners, ...p } of PRODUCTS) {
    const product = await db.product.upsert({
      where: { sku: p.sku },
      create: { ...p, currency: "usd" },
      update: {},
      select: { id: true },
    });
    for (const slug of partners) {
      const partner = await db.partner.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await db.partnerProduct.upsert({
        where: { partnerId_productId: { partnerId: partner.id, productId: product.id } },
        create: { partnerId: partner.id, productId: product.id },
        update: {},
      });
    }
  }
  if (process.env.SEED_DEMO_ACCOUNTS === "true") {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      await db.user.upsert({
        where: { email: a.email },
        create: { ...a, country: "US", passwordHash, emailVerifiedAt: new Date() },
        update: {},
      });
    }
    for (const [email, e164] of Object.entries(DEMO_STAFF_PHONES)) await giveStaffPhone(email, e164!);
    await registerDemoPartnerApp();
    // The demo agent takes live video appointments Monday to Friday, 9:00 to 17:00 New York time.
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@example.com" } });
    if ((await db.agentAvailability.count({ where: { agentId: agent.id } })) === 0) {
      await db.agentAvailability.createMany({
        data: [1, 2, 3, 4, 5].map((weekday) => ({
          agentId: agent.id,
          weekday,
          startMinute: 9 * 60,
          endMinute: 17 * 60,
          timeZone: "America/New_York",
        })),
      });
    }
    console.log(`Demo accounts ready: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  }
} finally {
  await db.$disconnect();
}
