// Pure: what "Download my data" puts in the archive, from what the services already show the user. No I/O.
// Phones are masked everywhere, and nothing secret goes in: no password hash, license key (only its hint),
// code, SSN, identity details, ID image or proofing evidence.
import type { ZipEntry } from "@/lib/core/zip";
import type { TimelineEvent } from "@/lib/credentials/timeline";
import { maskPhone } from "@/lib/phones/phones";
import type { OrderView } from "@/lib/store/service";
import { formatMoney, formatOrderNumber } from "@/lib/store/store";
import { invoiceHtml } from "./invoice-html";

export type MyDataSources = {
  profile: {
    id: string;
    username: string;
    email: string;
    firstName: string;
    lastName: string;
    country: string;
    createdAt: Date;
    emailVerifiedAt: Date | null;
  };
  orders: OrderView[];
  credentials: {
    id: string;
    productName: string;
    status: string;
    includesProofing: boolean;
    activatedAt: Date;
    expiresAt: Date;
    keyHint: string | null;
  }[];
  timelines: { id: string; events: TimelineEvent[] }[];
  phones: {
    id: string;
    credentialId: string;
    country: string;
    lastDigits: string;
    isDefault: boolean;
    verifiedAt: Date;
  }[];
  /** PHONE_ADDED audit rows: the channel each phone was confirmed by (no table keeps it). */
  phoneAdditions: { detail: unknown }[];
  proofingAttempts: {
    credentialId: string;
    method: string | null;
    status: string;
    createdAt: Date;
    decidedAt: Date | null;
  }[];
  verifications: { method: string; level: string; verifiedAt: Date; supersededAt: Date | null }[];
  securityEvents: { at: Date; label: string; ip: string | null; bySupport: boolean }[];
  connections: { name: string; allowedAt: Date; lastSignInAt: Date | null }[];
};

export const MY_DATA_FILE = "my-data.json";

const ABOUT =
  "Your data from Managed Access Gateway (MAG). Phone numbers show their country and last two digits only. " +
  "Not included: your password, license keys (only their last characters), one-time, recovery and " +
  "activation codes, the identity details and Social Security number you gave for proofing, and ID photos.";

/** The archive's file name for a download at `now`. */
export function archiveName(now: Date): string {
  return `mag-my-data-${now.toISOString().slice(0, 10)}.zip`;
}

/** A number typed in a form (billing phone) as the portal shows phones: country and last two digits. */
export function maskTypedPhone(typed: string | null, country: string | null): string | null {
  const digits = (typed ?? "").replace(/\D/g, "");
  return digits.length < 2 ? null : maskPhone(country ?? "", digits.slice(-2)).trim();
}

/** Where an order's invoice goes in the archive (invoice numbers may come from Stripe: keep them path-safe). */
export function invoiceFileName(invoiceNumber: string): string {
  return `invoices/${invoiceNumber.replace(/[^A-Za-z0-9_-]/g, "_")}.html`;
}

/** The files of the archive: my-data.json and one printable invoice per order that has one. */
export function archiveFiles(sources: MyDataSources, now: Date): ZipEntry[] {
  const invoices = sources.orders.flatMap((o) =>
    o.invoiceNumber ? [{ name: invoiceFileName(o.invoiceNumber), data: invoiceHtml(o) }] : [],
  );
  return [{ name: MY_DATA_FILE, data: `${JSON.stringify(myData(sources, now), null, 2)}\n` }, ...invoices];
}

/** The content of my-data.json (dates as ISO 8601 UTC through JSON.stringify). */
export function myData(s: MyDataSources, now: Date) {
  return {
    about: ABOUT,
    exportedAt: now,
    profile: {
      firstName: s.profile.firstName,
      lastName: s.profile.lastName,
      email: s.profile.email,
      userId: s.profile.username,
      accountId: s.profile.id,
      country: s.profile.country,
      createdAt: s.profile.createdAt,
      emailVerifiedAt: s.profile.emailVerifiedAt,
    },
    orders: s.orders.map(orderData),
    credentials: credentialsData(s),
    phones: phonesData(s),
    identityProofing: {
      attempts: s.proofingAttempts.map((a) => ({
        credentialId: a.credentialId,
        method: a.method,
        outcome: a.status,
        startedAt: a.createdAt,
        decidedAt: a.decidedAt,
      })),
      verifications: s.verifications,
    },
    securityEvents: s.securityEvents.map((e) => ({
      at: e.at,
      event: e.label,
      ip: e.ip,
      bySupport: e.bySupport,
    })),
    connectedApplications: s.connections,
  };
}

function orderData(o: OrderView) {
  return {
    number: formatOrderNumber(o.number),
    product: o.product.name,
    amount: formatMoney(o.amountCents, o.currency),
    amountPaid: formatMoney(o.amountPaidCents, o.currency),
    status: o.status,
    paymentMethod: o.paymentMethod,
    cardEnding: o.cardLast4,
    invoiceNumber: o.invoiceNumber,
    invoiceFile: o.invoiceNumber ? invoiceFileName(o.invoiceNumber) : null,
    orderedAt: o.createdAt,
    submittedAt: o.submittedAt,
    paidAt: o.paidAt,
    invoiceDueAt: o.invoiceDueAt,
    billing: {
      name: [o.firstName, o.lastName].filter(Boolean).join(" "),
      company: o.company,
      email: o.email,
      phone: maskTypedPhone(o.phone, o.country),
      address: [o.addressLine1, o.addressLine2, o.city, o.region, o.postalCode].filter(Boolean),
      country: o.country,
    },
  };
}

function credentialsData(s: MyDataSources) {
  const timelines = new Map(s.timelines.map((t) => [t.id, t.events]));
  return s.credentials.map((c) => ({
    id: c.id,
    product: c.productName,
    kind: c.keyHint === null ? "staff" : "purchased",
    includesProofing: c.includesProofing,
    status: c.status,
    activatedAt: c.activatedAt,
    expiresAt: c.expiresAt,
    licenseKeyEnding: c.keyHint,
    timeline: (timelines.get(c.id) ?? []).map((e) => ({
      at: e.at,
      event: e.label,
      ...(e.upcoming ? { upcoming: true } : {}),
    })),
  }));
}

function phonesData(s: MyDataSources) {
  const channels = new Map<string, string>();
  for (const row of s.phoneAdditions) {
    const d = (row.detail ?? {}) as { phoneId?: string; channel?: string };
    if (d.phoneId && d.channel && !channels.has(d.phoneId)) channels.set(d.phoneId, d.channel);
  }
  return s.phones.map((p) => ({
    number: maskPhone(p.country, p.lastDigits),
    credentialId: p.credentialId,
    channel: channels.get(p.id) ?? null,
    isDefault: p.isDefault,
    addedAt: p.verifiedAt,
  }));
}
