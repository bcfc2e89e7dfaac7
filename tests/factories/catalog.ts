import { db } from "@/lib/core/db";

/** The seed's three products, created here because the integration database is migrated but not seeded. */
export async function createCatalog() {
  const base = { currency: "usd", description: "Test product." };
  const upsert = (data: {
    sku: string;
    name: string;
    kind: "CREDENTIAL" | "PROOFING_UPGRADE";
    includesProofing: boolean;
    termMonths: number;
    priceCents: number;
  }) =>
    db().product.upsert({
      where: { sku: data.sku },
      create: { ...base, ...data },
      update: {},
      select: { id: true },
    });
  const [withProofing, withoutProofing, upgrade] = await Promise.all([
    upsert({
      sku: "PHONE-OTP-PROOFED-US-1Y",
      name: "Phone-Based One Time Password (OTP) – With Proofing – US – 1 Year",
      kind: "CREDENTIAL",
      includesProofing: true,
      termMonths: 12,
      priceCents: 8900,
    }),
    upsert({
      sku: "PHONE-OTP-US-1Y",
      name: "Phone-Based One Time Password (OTP) – Without Proofing – US – 1 Year",
      kind: "CREDENTIAL",
      includesProofing: false,
      termMonths: 12,
      priceCents: 3400,
    }),
    upsert({
      sku: "PHONE-OTP-PROOFING-UPGRADE",
      name: "Phone-Based One Time Password (OTP) – Proofing Upgrade",
      kind: "PROOFING_UPGRADE",
      includesProofing: true,
      termMonths: 0,
      priceCents: 5500,
    }),
  ]);
  return { withProofing: withProofing.id, withoutProofing: withoutProofing.id, upgrade: upgrade.id };
}
