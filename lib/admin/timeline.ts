// Pure: a credential's history as one timeline for support (purchased → key issued → activated → proofing →
// activation code → phones → renewal due). Never a full key, code, SSN or phone number.

export type TimelineEvent = { at: Date; label: string; upcoming?: boolean };

type History = {
  activatedAt: Date;
  expiresAt: Date;
  proofedAt: Date | null;
  /** Null for a staff credential: it comes with the role, not from a purchase. */
  licenseKey: {
    hint: string;
    issuedAt: Date;
    order: { number: bigint; createdAt: Date; paidAt: Date | null; paymentMethod: string | null };
  } | null;
  proofingCases: {
    method: string | null;
    status: string;
    createdAt: Date;
    decidedAt: Date | null;
    ssnLast4: string | null;
    failureReason: string | null;
  }[];
  activationCodes: { issuedAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }[];
  phoneNumbers: { country: string; lastDigits: string; verifiedAt: Date }[];
};

const METHOD: Record<string, string> = { SELF_SERVICE: "self-service", LIVE_VIDEO: "live video" };
const RENEWAL_NOTICE_DAYS = 30;

export function credentialTimeline(h: History, now: Date): TimelineEvent[] {
  const events: TimelineEvent[] = h.licenseKey ? purchaseEvents(h.licenseKey) : [];
  events.push({ at: h.activatedAt, label: h.licenseKey ? "Activated" : "Created with a staff role" });
  for (const c of h.proofingCases) {
    const method = c.method ? (METHOD[c.method] ?? c.method) : "method not chosen";
    events.push({ at: c.createdAt, label: "Proofing started" });
    if (c.decidedAt) {
      const ssn = c.ssnLast4 ? `, SSN ending ${c.ssnLast4}` : "";
      const outcome = c.status === "PASSED" ? "passed" : `failed (${c.failureReason ?? "no reason"})`;
      events.push({ at: c.decidedAt, label: `Proofing ${outcome}: ${method}${ssn}` });
    }
  }
  for (const code of h.activationCodes) {
    events.push({
      at: code.issuedAt,
      label: `Activation code issued, expires ${code.expiresAt.toISOString().slice(0, 10)}`,
    });
    if (code.usedAt) events.push({ at: code.usedAt, label: "Activation code used" });
    if (code.revokedAt) events.push({ at: code.revokedAt, label: "Activation code revoked" });
  }
  if (h.proofedAt) events.push({ at: h.proofedAt, label: "Credential proofed" });
  for (const p of h.phoneNumbers) {
    events.push({ at: p.verifiedAt, label: `Phone registered (${p.country} ••${p.lastDigits})` });
  }
  const renewalDue = new Date(h.expiresAt.getTime() - RENEWAL_NOTICE_DAYS * 24 * 60 * 60_000);
  events.push({ at: renewalDue, label: "Renewal due", upcoming: renewalDue > now });
  events.push({
    at: h.expiresAt,
    label: h.expiresAt > now ? "Expires" : "Expired",
    upcoming: h.expiresAt > now,
  });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function purchaseEvents(key: NonNullable<History["licenseKey"]>): TimelineEvent[] {
  const { order } = key;
  const events = [
    { at: order.createdAt, label: `Purchased (order MAG-${String(order.number).padStart(6, "0")})` },
  ];
  if (order.paidAt)
    events.push({
      at: order.paidAt,
      label: `Paid by ${order.paymentMethod === "INVOICE" ? "invoice" : "card"}`,
    });
  events.push({ at: key.issuedAt, label: `License key issued (ending ${key.hint})` });
  return events;
}
