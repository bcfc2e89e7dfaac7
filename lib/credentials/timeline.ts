// Pure: a credential's life as one timeline (purchased → paid → key → activated → proofing → activation code →
// phones → renewals → expiry ahead). Support and the user read the same events; the user's view leaves out the
// staff-only ones. Never a full key, code, SSN or phone number.

export type TimelineEvent = { at: Date; label: string; upcoming?: boolean; staffOnly?: boolean };

/** Phone changes and renewals, from the audit log (what no table keeps once a phone is removed). */
export type CredentialChange =
  | { kind: "phone_added"; at: Date; phoneId?: string; label?: string; channel?: string }
  | { kind: "phone_removed"; at: Date; label?: string }
  | { kind: "phones_reset"; at: Date }
  | { kind: "phones_released"; at: Date }
  | { kind: "phones_recovered"; at: Date }
  | { kind: "renewed"; at: Date; expiresAt: string };

export type CredentialHistory = {
  status: string;
  activatedAt: Date;
  expiresAt: Date;
  proofedAt: Date | null;
  /** Null for a staff credential: it comes with the role, not from a purchase. */
  licenseKey: {
    hint: string;
    issuedAt: Date;
    order: {
      number: bigint;
      createdAt: Date;
      paidAt: Date | null;
      paymentMethod: string | null;
      amountCents: number;
      currency: string;
    };
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
  phoneNumbers: { id: string; country: string; lastDigits: string; verifiedAt: Date }[];
  changes: CredentialChange[];
};

export type Audience = "user" | "staff";

const METHOD: Record<string, string> = { SELF_SERVICE: "self-service", LIVE_VIDEO: "live video" };
const RENEWAL_NOTICE_DAYS = 30;
const DAY = 24 * 60 * 60_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    cents / 100,
  );
}

/** The credential's timeline, oldest first, for `audience` (the user's leaves staff-only entries out). */
export function credentialTimeline(
  h: CredentialHistory,
  now: Date,
  audience: Audience = "staff",
): TimelineEvent[] {
  const events: TimelineEvent[] = h.licenseKey ? purchaseEvents(h.licenseKey) : [];
  events.push({ at: h.activatedAt, label: h.licenseKey ? "Activated" : "Created with a staff role" });
  events.push(...proofingEvents(h, now));
  for (const code of h.activationCodes) {
    events.push({
      at: code.issuedAt,
      label: `Activation code issued, valid until ${isoDay(code.expiresAt)}`,
    });
    if (code.usedAt) events.push({ at: code.usedAt, label: "Activation code used" });
    if (code.revokedAt) events.push({ at: code.revokedAt, label: "Activation code replaced by a new one" });
  }
  if (h.proofedAt) events.push({ at: h.proofedAt, label: "Identity verified for this credential" });
  events.push(...phoneEvents(h));
  events.push(...expiryEvents(h, now));
  const shown = audience === "staff" ? events : events.filter((e) => !e.staffOnly);
  return shown.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function purchaseEvents(key: NonNullable<CredentialHistory["licenseKey"]>): TimelineEvent[] {
  const { order } = key;
  const events: TimelineEvent[] = [
    {
      at: order.createdAt,
      label: `Purchased (order MAG-${String(order.number).padStart(6, "0")}, ${formatAmount(order.amountCents, order.currency)})`,
    },
  ];
  if (order.paidAt)
    events.push({
      at: order.paidAt,
      label: `Paid by ${order.paymentMethod === "INVOICE" ? "invoice" : "card"}`,
    });
  events.push({ at: key.issuedAt, label: `License key issued (ending ${key.hint})` });
  return events;
}

function proofingEvents(h: CredentialHistory, now: Date): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const c of h.proofingCases) {
    const method = c.method ? (METHOD[c.method] ?? c.method) : "method not chosen yet";
    events.push({ at: c.createdAt, label: `Identity proofing started (${method})` });
    if (c.decidedAt) {
      const outcome = c.status === "PASSED" ? "passed" : "did not pass";
      events.push({ at: c.decidedAt, label: `Identity proofing ${outcome} (${method})` });
      if (c.ssnLast4 || c.failureReason) {
        const facts = [c.ssnLast4 ? `SSN ending ${c.ssnLast4}` : null, c.failureReason].filter(Boolean);
        events.push({ at: c.decidedAt, label: `Proofing evidence: ${facts.join(", ")}`, staffOnly: true });
      }
    }
  }
  // While proofing is pending, what comes next.
  if (h.status === "PROOFING_REQUIRED") {
    const open = h.activationCodes.find((c) => !c.usedAt && !c.revokedAt);
    const label = open ? "Next: enter your activation code" : "Next: complete identity proofing";
    events.push({ at: now, label, upcoming: true });
  }
  return events;
}

const channelText = (channel?: string) =>
  channel === "VOICE" ? ", by voice call" : channel === "SMS" ? ", by text" : "";

function phoneEvents(h: CredentialHistory): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const added = new Map<string, Extract<CredentialChange, { kind: "phone_added" }>>();
  for (const c of h.changes) if (c.kind === "phone_added" && c.phoneId) added.set(c.phoneId, c);
  // The phones it has now, from their own rows (the log may have been archived), with the channel the log kept.
  for (const p of h.phoneNumbers) {
    const how = channelText(added.get(p.id)?.channel);
    events.push({ at: p.verifiedAt, label: `Phone added (${p.country} ••${p.lastDigits}${how})` });
  }
  const current = new Set(h.phoneNumbers.map((p) => p.id));
  for (const c of h.changes) {
    if (c.kind === "phone_added") {
      if (c.phoneId && current.has(c.phoneId)) continue;
      events.push({
        at: c.at,
        label: `Phone added${c.label ? ` (${c.label}${channelText(c.channel)})` : ""}`,
      });
    } else if (c.kind === "phone_removed") {
      events.push({ at: c.at, label: `Phone removed${c.label ? ` (${c.label})` : ""}` });
    } else if (c.kind === "phones_reset") {
      events.push({ at: c.at, label: "Phones reset by MAG Customer Support" });
    } else if (c.kind === "phones_released") {
      events.push({ at: c.at, label: "Phones released (expired 90 days ago)" });
    } else if (c.kind === "phones_recovered") {
      events.push({ at: c.at, label: "Phones replaced by a new one after a recovery code" });
    } else {
      events.push({ at: c.at, label: `Renewed until ${c.expiresAt.slice(0, 10)}` });
    }
  }
  return events;
}

function expiryEvents(h: CredentialHistory, now: Date): TimelineEvent[] {
  if (h.status === "REVOKED") return [];
  const events: TimelineEvent[] = [];
  const renewalDue = new Date(h.expiresAt.getTime() - RENEWAL_NOTICE_DAYS * DAY);
  if (renewalDue > now) events.push({ at: renewalDue, label: "Renewal opens", upcoming: true });
  const daysLeft = Math.ceil((h.expiresAt.getTime() - now.getTime()) / DAY);
  events.push(
    h.expiresAt > now
      ? { at: h.expiresAt, label: `Expires (in ${daysLeft} day${daysLeft === 1 ? "" : "s"})`, upcoming: true }
      : { at: h.expiresAt, label: "Expired" },
  );
  return events;
}
