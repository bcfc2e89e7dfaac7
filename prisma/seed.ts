// Reference data (partners) on every run; demo accounts only for the embedded demo database
// (SEED_DEMO_ACCOUNTS=true). Idempotent: existing rows are left as they are.
/* eslint-disable no-restricted-properties -- the seed runs outside the app */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Role } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/accounts/password";

export const DEMO_PASSWORD = "correct-horse-battery-staple";

const PARTNERS = [
  { slug: "northwind-aerospace", name: "Northwind Aerospace" },
  { slug: "contoso-defense", name: "Contoso Defense Systems" },
];

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

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });

try {
  for (const p of PARTNERS) {
    await db.partner.upsert({ where: { slug: p.slug }, create: p, update: {} });
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
    console.log(`Demo accounts ready: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  }
} finally {
  await db.$disconnect();
}
