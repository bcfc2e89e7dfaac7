// A loopback stand-in for api.stripe.com, for the real Stripe SDK (STRIPE_API_BASE_URL points it here).
// It implements what lib/payments/stripe-checkout.ts and stripe-invoices.ts call, keeps Stripe's idempotency rules and error JSON,
// and records every request so tests can count what was created.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeCheckout } from "./stripe-checkout";
import { FakeIdentity } from "./stripe-identity";

type Json = Record<string, unknown>;
type Params = { [key: string]: string | Params };

export type RecordedRequest = {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Params;
  status: number;
  replayed: boolean;
};

export type FakeInvoice = {
  id: string;
  object: "invoice";
  customer: string;
  status: "draft" | "open" | "paid" | "void" | "uncollectible";
  number: string | null;
  currency: string;
  collection_method: string;
  days_until_due: number | null;
  due_date: number | null;
  auto_advance: boolean;
  description: string | null;
  metadata: Record<string, string>;
  total: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  lines: { object: "list"; data: Json[]; has_more: false; url: string };
  created: number;
  livemode: false;
};

/** Holds the response to one matching request: Stripe has done the work, the reply has not arrived yet. */
export type Hold = {
  /** Resolves once the request was processed and its response is being held. */
  reached: Promise<void>;
  /** Sends the held response. */
  release(): void;
  /** Closes the connection instead, as when a reply is lost on the network. */
  drop(): void;
};

const matches = (pattern: string | RegExp, path: string) =>
  typeof pattern === "string" ? pattern === path : pattern.test(path);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const clone = <T>(value: T): T => structuredClone(value);

/** Form-encoded body (as the SDK sends it: `metadata[orderId]=…`, `expand[0]=…`) → nested object. */
export function parseForm(body: string): Params {
  const out: Params = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const [head, ...rest] = rawKey.split("[");
    const path = [head!, ...rest.map((part) => part.replace(/]$/, ""))];
    let node = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Params;
    });
  }
  return out;
}

function stripeError(status: number, error: Json) {
  return { status, body: { error: { request_log_url: "https://dashboard.stripe.com/test/logs", ...error } } };
}

function missing(param: string) {
  return stripeError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    param,
    message: `Missing required param: ${param}.`,
  });
}

function noSuch(kind: string, id: string, param?: string) {
  return stripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    ...(param && { param }),
    message: `No such ${kind}: '${id}'`,
  });
}

type Reply = { status: number; body: unknown };

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Json & { id: string; email: string | null }>();
  readonly invoices = new Map<string, FakeInvoice>();
  /** Checkout Sessions, their hosted payment page (/pay/…) and their webhooks. */
  readonly checkout = new FakeCheckout(() => this.url);
  /** Identity VerificationSessions, their hosted capture (/verify/…) and their webhooks. */
  readonly identity = new FakeIdentity(() => this.url);
  private readonly idempotent = new Map<string, { fingerprint: string; reply: Reply }>();
  private readonly holds: {
    method: string;
    path: string | RegExp;
    arrive: () => void;
    settled: Promise<"release" | "drop">;
  }[] = [];
  private invoiceSeq = 0;
  private server?: Server;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets every object and request (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.customers.clear();
    this.invoices.clear();
    this.checkout.reset();
    this.identity.reset();
    this.idempotent.clear();
    this.holds.length = 0;
  }

  /** Requests to `path` (exact, or a pattern) with `method`, replays included. */
  count(method: string, path: string | RegExp): number {
    return this.requests.filter((r) => r.method === method && matches(path, r.path)).length;
  }

  /** Holds the response to the next `method` request whose path matches. */
  hold(method: string, path: string | RegExp): Hold {
    let arrive!: () => void;
    let settle!: (how: "release" | "drop") => void;
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const settled = new Promise<"release" | "drop">((resolve) => (settle = resolve));
    this.holds.push({ method, path, arrive, settled });
    return { reached, release: () => settle("release"), drop: () => settle("drop") };
  }

  /** A customer's payment against an invoice, as Stripe records it: paid once nothing remains. */
  payInvoice(id: string, amount: number): FakeInvoice {
    const invoice = this.requireInvoice(id);
    invoice.amount_paid += amount;
    invoice.amount_remaining = Math.max(invoice.amount_due - invoice.amount_paid, 0);
    if (invoice.amount_remaining === 0) invoice.status = "paid";
    return clone(invoice);
  }

  setInvoiceStatus(id: string, status: FakeInvoice["status"]): FakeInvoice {
    const invoice = this.requireInvoice(id);
    invoice.status = status;
    return clone(invoice);
  }

  invoice(id: string): FakeInvoice {
    return clone(this.requireInvoice(id));
  }

  private requireInvoice(id: string): FakeInvoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw new Error(`the fake has no invoice ${id}`);
    return invoice;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse) {
    let raw = "";
    req.setEncoding("utf8");
    for await (const chunk of req) raw += chunk as string;
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const params = method === "GET" ? parseForm(url.searchParams.toString()) : parseForm(raw);
    // The hosted payment page is for the buyer's browser: no API key.
    if (path.startsWith("/pay/"))
      return this.checkout.page(method, path.slice("/pay/".length), new URLSearchParams(raw), res);
    if (path.startsWith("/verify/"))
      return this.identity.page(method, path.slice("/verify/".length), new URLSearchParams(raw), res);

    let reply: Reply;
    let replayed = false;
    if (!/^Bearer (sk|rk)_(test|live)_\S+$/.test(req.headers.authorization ?? "")) {
      reply = stripeError(401, { type: "invalid_request_error", message: "Invalid API Key provided." });
    } else if (method === "POST" && key) {
      // Stripe: the same key with the same request replays the saved result (errors included); with
      // different parameters it is refused.
      const fingerprint = `${method} ${path} ${raw}`;
      const saved = this.idempotent.get(key);
      if (saved && saved.fingerprint !== fingerprint) {
        reply = stripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      } else if (saved) {
        reply = saved.reply;
        replayed = true;
      } else {
        reply = this.route(method, path, params);
        this.idempotent.set(key, { fingerprint, reply });
      }
    } else {
      reply = this.route(method, path, params);
    }
    this.requests.push({ method, path, idempotencyKey: key, params, status: reply.status, replayed });

    const held = this.holds.findIndex((h) => h.method === method && matches(h.path, path));
    if (held !== -1) {
      const { arrive, settled } = this.holds.splice(held, 1)[0]!;
      arrive();
      const how = await settled;
      if (how === "drop") {
        req.socket.destroy();
        return;
      }
    }
    res.writeHead(reply.status, {
      "content-type": "application/json",
      "request-id": newId("req"),
      ...(replayed && { "idempotent-replayed": "true" }),
    });
    res.end(JSON.stringify(reply.body));
  }

  private route(method: string, path: string, p: Params): Reply {
    const parts = path.split("/").filter(Boolean); // ["v1", resource, id?, action?]
    const [, resource, id, action] = parts;
    if (resource === "identity") {
      const reply = this.identity.route(method, parts, p);
      if (reply) return reply;
    }
    if (resource === "checkout" && id === "sessions") {
      const reply = this.checkout.route(method, parts[3], parts[4], p);
      if (reply) return reply;
    }
    if (method === "GET" && path === "/v1/customers") {
      const email = typeof p.email === "string" ? p.email : undefined;
      const limit = Number(p.limit ?? 10);
      const data = [...this.customers.values()].filter((c) => !email || c.email === email).slice(0, limit);
      return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/customers" } };
    }
    if (method === "POST" && path === "/v1/customers") {
      const customer = {
        id: newId("cus"),
        object: "customer",
        email: typeof p.email === "string" ? p.email : null,
        name: typeof p.name === "string" ? p.name : null,
        metadata: (p.metadata as Record<string, string> | undefined) ?? {},
        created: nowSeconds(),
        livemode: false,
      };
      this.customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === "POST" && path === "/v1/invoices") return this.createInvoice(p);
    if (method === "POST" && path === "/v1/invoiceitems") return this.createInvoiceItem(p);
    if (resource === "invoices" && id) {
      const invoice = this.invoices.get(id);
      if (!invoice) return noSuch("invoice", id);
      if (method === "GET" && !action) return { status: 200, body: invoice };
      if (method === "POST" && action === "finalize") return this.finalizeInvoice(invoice);
      if (method === "POST" && action === "send") {
        if (invoice.status !== "open") {
          return stripeError(400, {
            type: "invalid_request_error",
            code: "invoice_not_editable",
            message: "You can only send an invoice that is open.",
          });
        }
        return { status: 200, body: invoice };
      }
    }
    return stripeError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  private createInvoice(p: Params): Reply {
    if (typeof p.customer !== "string") return missing("customer");
    if (!this.customers.has(p.customer)) return noSuch("customer", p.customer, "customer");
    const invoice: FakeInvoice = {
      id: newId("in"),
      object: "invoice",
      customer: p.customer,
      status: "draft",
      number: null,
      currency: typeof p.currency === "string" ? p.currency : "usd",
      collection_method:
        typeof p.collection_method === "string" ? p.collection_method : "charge_automatically",
      days_until_due: typeof p.days_until_due === "string" ? Number(p.days_until_due) : null,
      due_date: null,
      auto_advance: p.auto_advance === "true",
      description: typeof p.description === "string" ? p.description : null,
      metadata: (p.metadata as Record<string, string> | undefined) ?? {},
      total: 0,
      amount_due: 0,
      amount_paid: 0,
      amount_remaining: 0,
      lines: { object: "list", data: [], has_more: false, url: "" },
      created: nowSeconds(),
      livemode: false,
    };
    invoice.lines.url = `/v1/invoices/${invoice.id}/lines`;
    this.invoices.set(invoice.id, invoice);
    return { status: 200, body: clone(invoice) };
  }

  private createInvoiceItem(p: Params): Reply {
    if (typeof p.customer !== "string") return missing("customer");
    if (typeof p.amount !== "string") return missing("amount");
    const invoice = typeof p.invoice === "string" ? this.invoices.get(p.invoice) : undefined;
    if (typeof p.invoice === "string" && !invoice) return noSuch("invoice", p.invoice, "invoice");
    if (invoice && invoice.status !== "draft") {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "invoice_not_editable",
        message: "You can only add invoice items to draft invoices.",
      });
    }
    const item = {
      id: newId("ii"),
      object: "invoiceitem",
      customer: p.customer,
      invoice: invoice?.id ?? null,
      amount: Number(p.amount),
      currency: typeof p.currency === "string" ? p.currency : "usd",
      description: typeof p.description === "string" ? p.description : null,
      metadata: (p.metadata as Record<string, string> | undefined) ?? {},
    };
    if (invoice) {
      invoice.lines.data.push(item);
      invoice.total += item.amount;
      invoice.amount_due = invoice.total;
      invoice.amount_remaining = invoice.total - invoice.amount_paid;
    }
    return { status: 200, body: item };
  }

  private finalizeInvoice(invoice: FakeInvoice): Reply {
    if (invoice.status !== "draft") {
      return stripeError(400, {
        type: "invalid_request_error",
        code: "invoice_not_editable",
        message: "This invoice is already finalized, you can't re-finalize a non-draft invoice.",
      });
    }
    this.invoiceSeq += 1;
    invoice.status = invoice.amount_due === 0 ? "paid" : "open";
    invoice.number = `FAKE-${String(this.invoiceSeq).padStart(4, "0")}`;
    invoice.due_date = nowSeconds() + (invoice.days_until_due ?? 30) * 86_400;
    return { status: 200, body: clone(invoice) };
  }
}

export async function startFakeStripe(): Promise<FakeStripe> {
  return new FakeStripe().start();
}
