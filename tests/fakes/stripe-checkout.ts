// Stripe Checkout in the loopback fake: the Sessions API the portal calls, a minimal hosted payment page for
// the browser (Stripe's test cards, 3-D Secure), and the checkout.session.* webhooks it sends to the portal.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import Stripe from "stripe";
import { payloadOf, stripeEvent, type TestEvent } from "./stripe-events";

type Params = { [key: string]: string | Params };
type Reply = { status: number; body: unknown };

export type FakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string | null;
  expires_at: number;
  created: number;
  livemode: false;
};

/** Stripe's test card numbers on the hosted page: pay, ask for 3-D Secure, or the decline message shown. */
const CARDS: Record<string, string> = {
  "4242424242424242": "pay",
  "5555555555554444": "pay",
  "4000002760003184": "3ds",
  "4000000000000002": "Your card was declined.",
  "4000000000009995": "Your card has insufficient funds.",
};
const THREE_DS_FAILED =
  "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

const text = (value: string | Params | undefined) => (typeof value === "string" ? value : "");
const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export type WebhookTarget = { url: string; secret: string; delayMs?: number };

export class FakeCheckout {
  readonly sessions = new Map<string, FakeCheckoutSession>();
  /** Where events go; without one they are only kept in `events` (integration tests deliver them). */
  webhook?: WebhookTarget;
  readonly events: TestEvent[] = [];

  constructor(private readonly baseUrl: () => string) {}

  reset(): void {
    this.sessions.clear();
    this.events.length = 0;
  }

  session(id: string): FakeCheckoutSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`the fake has no Checkout Session ${id}`);
    return structuredClone(session);
  }

  /** The buyer paid on the hosted page: the session completes and checkout.session.completed is sent. */
  pay(id: string): FakeCheckoutSession {
    const session = this.sessions.get(id)!;
    Object.assign(session, {
      status: "complete",
      payment_status: "paid",
      payment_intent: newId("pi"),
      url: null,
    });
    this.emit("checkout.session.completed", session);
    return structuredClone(session);
  }

  /** The session's 24 hours ran out (or it was expired through the API). */
  expire(id: string): FakeCheckoutSession {
    const session = this.sessions.get(id)!;
    Object.assign(session, { status: "expired", url: null });
    this.emit("checkout.session.expired", session);
    return structuredClone(session);
  }

  /** POST/GET /v1/checkout/sessions[/id[/expire]] */
  route(method: string, id: string | undefined, action: string | undefined, p: Params): Reply | null {
    if (method === "POST" && !id) return this.create(p);
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return notFound(id);
    if (method === "GET" && !action) return { status: 200, body: structuredClone(session) };
    if (method === "POST" && action === "expire") {
      if (session.status !== "open") {
        return error(400, `Only Checkout Sessions with a status in ["open"] can be expired.`);
      }
      return { status: 200, body: this.expire(id) };
    }
    return null;
  }

  private create(p: Params): Reply {
    const item = ((p.line_items as Params | undefined)?.["0"] ?? {}) as Params;
    const price = (item.price_data ?? {}) as Params;
    if (typeof p.success_url !== "string") return error(400, "Missing required param: success_url.");
    if (typeof price.unit_amount !== "string")
      return error(400, "Missing required param: line_items[0][price_data][unit_amount].");
    const id = newId("cs");
    const session: FakeCheckoutSession = {
      id,
      object: "checkout.session",
      mode: text(p.mode),
      status: "open",
      payment_status: "unpaid",
      amount_total: Number(price.unit_amount) * Number(item.quantity ?? 1),
      currency: text(price.currency),
      client_reference_id: typeof p.client_reference_id === "string" ? p.client_reference_id : null,
      customer_email: typeof p.customer_email === "string" ? p.customer_email : null,
      metadata: (p.metadata as Record<string, string> | undefined) ?? {},
      payment_intent: null,
      success_url: p.success_url,
      cancel_url: text(p.cancel_url),
      url: `${this.baseUrl()}/pay/${id}`,
      expires_at: Math.floor(Date.now() / 1000) + 24 * 3600,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    this.sessions.set(id, session);
    return { status: 200, body: structuredClone(session) };
  }

  /** The hosted page: GET shows it; POST pays with the typed card or answers the 3-D Secure challenge. */
  page(method: string, id: string, form: URLSearchParams, res: ServerResponse): void {
    const session = this.sessions.get(id);
    if (!session || session.status !== "open")
      return html(res, 410, "<h1>This payment page has expired</h1>");
    if (method === "GET") return html(res, 200, payPage(session));
    const card = (form.get("card") ?? "").replace(/\s/g, "");
    const outcome = CARDS[card] ?? "Your card number is invalid.";
    if (form.get("challenge") === "pass" || (outcome === "pay" && !form.has("challenge"))) {
      this.pay(id);
      res.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", id) }).end();
      return;
    }
    if (form.get("challenge") === "fail") return html(res, 200, payPage(session, THREE_DS_FAILED));
    if (outcome === "3ds") return html(res, 200, challengePage(session, card));
    return html(res, 200, payPage(session, outcome));
  }

  private emit(type: string, session: FakeCheckoutSession) {
    const event = stripeEvent(type, structuredClone(session));
    this.events.push(event);
    if (this.webhook) void sendWebhook(this.webhook, event);
  }
}

/** Posts a signed event as Stripe does, retrying a few times while the endpoint does not answer 2xx. */
export async function sendWebhook(target: WebhookTarget, event: TestEvent) {
  await new Promise((resolve) => setTimeout(resolve, target.delayMs ?? 0));
  const payload = payloadOf(event);
  for (let attempt = 0; attempt < 5; attempt++) {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: target.secret });
    const ok = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature },
      body: payload,
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function payPage(session: FakeCheckoutSession, problem?: string) {
  const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
  return `<h1>Pay ${escape(amount)}</h1>
<p>Test mode (loopback Stripe Checkout)</p>
${problem ? `<p role="alert">${escape(problem)}</p>` : ""}
<form method="post">
  <label>Card number <input name="card" inputmode="numeric" autocomplete="cc-number"></label>
  <button type="submit">Pay</button>
</form>
<a href="${escape(session.cancel_url)}">Back</a>`;
}

function challengePage(session: FakeCheckoutSession, card: string) {
  return `<h1>3D Secure 2 Test Page</h1>
<p>Your bank asks you to confirm this payment.</p>
<form method="post">
  <input type="hidden" name="card" value="${escape(card)}">
  <button type="submit" name="challenge" value="pass">Complete authentication</button>
  <button type="submit" name="challenge" value="fail">Fail authentication</button>
</form>`;
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><html><head><title>Stripe Checkout (test)</title></head><body>${body}</body></html>`,
  );
}

function error(status: number, message: string): Reply {
  return { status, body: { error: { type: "invalid_request_error", message } } };
}

function notFound(id: string): Reply {
  return {
    status: 404,
    body: {
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        message: `No such checkout.session: '${id}'`,
      },
    },
  };
}
