import { beforeEach, describe, expect, it } from "vitest";
import { activateLicenseKey } from "@/lib/licensing/service";
import { MY_DATA_FILE } from "@/lib/privacy/data-export";
import { downloadMyData } from "@/lib/privacy/service";
import { submitPayment } from "@/lib/store/service";
import { formatOrderNumber } from "@/lib/store/store";
import { createCatalog } from "../factories/catalog";
import { createActiveCredential, nextPhone } from "../factories/credential";
import { createReadyOrder, invoicePayment } from "../factories/order";
import { fromIp } from "../factories/request";
import { createUser } from "../factories/user";
import { db, resetDb } from "../setup/db";
import { passSelfServiceProofing, REQUEST } from "../setup/proofing";
import { buyWithCard, latestKeyFor } from "../setup/purchase";
import { readZip } from "../setup/unzip";

// My Account › Your Data › Download my data: the archive holds the user's own data, phones masked, and
// nothing secret (password hash, license key, SSN, identity details) nor anything of another user.

const SSN = "123456789";
const BILLING_PHONE = "+12025550143"; // what the order factories type as "+1 202 555 0143"

beforeEach(async () => {
  await resetDb();
});

/** An order of `user` paid by invoice (local issuer: the invoice is a page of the portal). */
async function invoicedOrder(user: Awaited<ReturnType<typeof createUser>>, company: string | null = null) {
  const order = await createReadyOrder(user);
  if (company) await db().order.update({ where: { id: order.id }, data: { company } });
  await submitPayment(user.id, invoicePayment(order.id), fromIp(), new Date());
  return db().order.findUniqueOrThrow({ where: { id: order.id } });
}

/**
 * A user with an active credential and one phone, a second credential that passed self-service proofing
 * (with an SSN and a proofing mobile), and an order paid by invoice; returns what must not leak too.
 */
async function richUser() {
  const owner = await createActiveCredential({ phones: 1 });
  const keys = [await latestKeyFor(owner.user.email)];
  const catalog = await createCatalog();
  await buyWithCard(owner.user, catalog.withProofing);
  keys.push(await latestKeyFor(owner.user.email));
  const { credentialId: proofed } = await activateLicenseKey(owner.user.id, keys[1]!, REQUEST, new Date());
  const mobile = nextPhone();
  await passSelfServiceProofing(owner.user.id, proofed, mobile, SSN);
  const order = await invoicedOrder(owner.user, 'Acme <b>&</b> "Co"');
  return { ...owner, proofed, keys, mobile, order };
}

/** The local part of a North American number in any common spelling: 555-0143, 555 0143, 5550143. */
const localPart = (e164: string) => new RegExp(`${e164.slice(-7, -4)}\\D?${e164.slice(-4)}`);

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe("download my data", () => {
  it("holds the profile, orders, credentials with timelines, masked phones, proofing outcomes and events", async () => {
    const u = await richUser();
    const { fileName, zip } = await downloadMyData(u.user.id, fromIp("203.0.113.9"));
    expect(fileName).toMatch(/^mag-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = readZip(zip);
    const invoiceFile = `invoices/${u.order.invoiceNumber}.html`;
    expect([...files.keys()]).toEqual([MY_DATA_FILE, invoiceFile]);

    const data = JSON.parse(files.get(MY_DATA_FILE)!.toString("utf8")) as Record<string, unknown>;
    expect(data.profile).toMatchObject({
      email: u.user.email,
      userId: u.user.username,
      accountId: u.user.id,
      firstName: u.user.firstName,
      lastName: u.user.lastName,
      country: "US",
      emailVerifiedAt: expect.any(String) as unknown,
    });
    expect(data.orders).toHaveLength(3);
    expect(data.orders).toContainEqual(
      expect.objectContaining({
        number: formatOrderNumber(u.order.number),
        status: "AWAITING_PAYMENT",
        paymentMethod: "INVOICE",
        amount: "$89.00",
        invoiceFile,
        billing: expect.objectContaining({ phone: "US ••• ••• ••43" }) as unknown,
      }),
    );

    const credentials = data.credentials as { id: string; status: string; timeline: { event: string }[] }[];
    expect(credentials.map((c) => c.id).sort()).toEqual([u.credentialId, u.proofed].sort());
    const active = credentials.find((c) => c.id === u.credentialId)!;
    expect(active.status).toBe("ACTIVE");
    const last2 = u.phones[0]!.e164.slice(-2);
    expect(active.timeline.map((e) => e.event)).toEqual(
      expect.arrayContaining(["Activated", `Phone added (US ••${last2}, by text)`]),
    );
    const proofed = credentials.find((c) => c.id === u.proofed)!;
    expect(proofed.timeline.map((e) => e.event)).toContain("Identity proofing passed (self-service)");

    expect(data.phones).toEqual([
      expect.objectContaining({
        number: `US ••• ••• ••${last2}`,
        credentialId: u.credentialId,
        channel: "SMS",
        isDefault: true,
      }),
    ]);
    expect(data.identityProofing).toEqual({
      attempts: [
        expect.objectContaining({ credentialId: u.proofed, method: "SELF_SERVICE", outcome: "PASSED" }),
      ],
      verifications: [expect.objectContaining({ method: "SELF_SERVICE", level: "IAL2" })],
    });
    expect(data.securityEvents).toContainEqual(expect.objectContaining({ event: "Phone added" }));

    expect(await db().auditEvent.count({ where: { type: "DATA_EXPORTED", subjectUserId: u.user.id } })).toBe(
      1,
    );
  });

  it("prints each invoice as a self-contained page with every value escaped", async () => {
    const u = await richUser();
    const html = readZip((await downloadMyData(u.user.id, fromIp())).zip)
      .get(`invoices/${u.order.invoiceNumber}.html`)!
      .toString("utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`Invoice ${u.order.invoiceNumber}`);
    expect(html).toContain(formatOrderNumber(u.order.number));
    expect(html).toContain("Phone-Based One Time Password (OTP) – With Proofing – US – 1 Year");
    expect(html).toContain("Acme &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;");
    expect(html).not.toContain("<b>");
    // Nothing fetched from elsewhere: no scripts, stylesheets or images by URL.
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/);
  });

  it("holds no password hash, license key, SSN, full phone number or proofing evidence", async () => {
    const u = await richUser();
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: u.user.id } });
    const files = readZip((await downloadMyData(u.user.id, fromIp())).zip);
    expect([...files.keys()].every((n) => n === MY_DATA_FILE || /^invoices\/[\w-]+\.html$/.test(n))).toBe(
      true,
    );
    const text = [...files.values()].map((b) => b.toString("utf8")).join("\n");

    expect(text).not.toContain(passwordHash);
    for (const key of u.keys) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.replace(/-/g, ""));
    }
    expect(text).not.toContain(SSN);
    expect(text).not.toContain("123-45-6789");
    expect(text).not.toMatch(/SSN ending|Proofing evidence/);
    expect(text).not.toMatch(/Avery|Quinn|1988-04-12|Springfield/); // the identity given for proofing
    for (const phone of [u.phones[0]!.e164, u.mobile, BILLING_PHONE]) {
      expect(text).not.toContain(phone);
      expect(text).not.toMatch(localPart(phone));
    }
    const keys = keysOf(JSON.parse(files.get(MY_DATA_FILE)!.toString("utf8")));
    expect(
      keys.filter((k) => /ssn|hash|encrypted|fingerprint|password|secret|token|evidence/i.test(k)),
    ).toEqual([]);
  });

  it("holds nothing of another user", async () => {
    const stranger = await createUser({ firstName: "Stella", lastName: "Stranger" });
    const theirs = await invoicedOrder(stranger, "Stranger Things Ltd");
    const u = await richUser();
    const text = [...readZip((await downloadMyData(u.user.id, fromIp())).zip).values()]
      .map((b) => b.toString("utf8"))
      .join("\n");
    for (const value of [
      stranger.email,
      stranger.username,
      stranger.id,
      "Stranger",
      theirs.id,
      theirs.invoiceNumber!,
      formatOrderNumber(theirs.number),
    ]) {
      expect(text).not.toContain(value);
    }
  });
});
