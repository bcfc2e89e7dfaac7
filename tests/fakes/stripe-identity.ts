// Stripe Identity in the loopback fake: the VerificationSessions and VerificationReports the portal calls, a
// minimal hosted capture page for the phone (the test picks the outcome), and the identity.verification_session.*
// webhooks it sends.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendWebhook, type WebhookTarget } from "./stripe-checkout";
import { stripeEvent, type TestEvent } from "./stripe-events";

type Params = { [key: string]: string | Params };
type Reply = { status: number; body: unknown };

export type FakeVerificationSession = {
  id: string;
  object: "identity.verification_session";
  type: string;
  status: "requires_input" | "processing" | "verified" | "canceled";
  metadata: Record<string, string>;
  options: Params;
  url: string | null;
  last_error: { code: string; reason: string } | null;
  last_verification_report: string | null;
  redaction: { status: "processing" | "redacted" } | null;
  created: number;
  livemode: false;
};

/** What the person's capture on Stripe's page comes to. */
export type VerificationOutcome =
  "verified" | "document_unverified" | "document_expired" | "selfie_mismatch" | "ssn_mismatch";

const ERRORS: Record<Exclude<VerificationOutcome, "verified">, { code: string; reason: string }> = {
  document_unverified: { code: "document_unverified_other", reason: "The document was invalid." },
  document_expired: { code: "document_expired", reason: "The document is expired." },
  selfie_mismatch: { code: "selfie_face_mismatch", reason: "The selfie did not match the document." },
  ssn_mismatch: {
    code: "id_number_mismatch",
    reason: "The ID number did not match the name and date of birth.",
  },
};

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

export class FakeIdentity {
  readonly sessions = new Map<string, FakeVerificationSession & { return_url: string }>();
  readonly reports = new Map<string, object>();
  readonly events: TestEvent[] = [];
  webhook?: WebhookTarget;

  constructor(private readonly baseUrl: () => string) {}

  reset(): void {
    this.sessions.clear();
    this.reports.clear();
    this.events.length = 0;
  }

  session(id: string): FakeVerificationSession {
    const { return_url: _, ...session } = this.sessions.get(id)!;
    return structuredClone(session);
  }

  /** The person finished Stripe's capture: the checks come out as `outcome`; returns the event sent. */
  complete(id: string, outcome: VerificationOutcome): TestEvent {
    const session = this.sessions.get(id)!;
    const report = newId("vr");
    const failed = outcome === "verified" ? null : ERRORS[outcome];
    const status = (check: string) => (failed?.code.startsWith(check) ? "unverified" : "verified");
    this.reports.set(report, {
      id: report,
      object: "identity.verification_report",
      type: "document",
      verification_session: id,
      document: { status: status("document"), type: "driving_license", issuing_country: "US", error: null },
      selfie: { status: status("selfie"), error: null },
      id_number: { status: status("id_number"), id_number_type: "us_ssn", error: null },
    });
    Object.assign(session, {
      status: failed ? "requires_input" : "verified",
      last_error: failed,
      last_verification_report: report,
      url: failed ? session.url : null,
    });
    const type = failed
      ? "identity.verification_session.requires_input"
      : "identity.verification_session.verified";
    return this.emit(type, id);
  }

  /** POST/GET /v1/identity/verification_sessions[/id[/cancel|redact]] and GET …/verification_reports/id */
  route(method: string, parts: string[], p: Params): Reply | null {
    const [, , kind, id, action] = parts; // ["v1", "identity", kind, id?, action?]
    if (kind === "verification_reports" && method === "GET" && id) {
      const report = this.reports.get(id);
      return report ? { status: 200, body: report } : notFound("identity.verification_report", id);
    }
    if (kind !== "verification_sessions") return null;
    if (method === "POST" && !id) return this.create(p);
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return id ? notFound("identity.verification_session", id) : null;
    if (method === "GET" && !action) return { status: 200, body: this.session(id) };
    if (method === "POST" && action === "cancel") {
      if (session.status !== "requires_input")
        return invalid(`You cannot cancel a VerificationSession with status ${session.status}.`);
      Object.assign(session, { status: "canceled", url: null });
      this.emit("identity.verification_session.canceled", id);
      return { status: 200, body: this.session(id) };
    }
    if (method === "POST" && action === "redact") {
      session.redaction = { status: "redacted" };
      return { status: 200, body: this.session(id) };
    }
    return null;
  }

  private create(p: Params): Reply {
    if (p.type !== "document") return invalid("This fake only knows VerificationSessions of type document.");
    const id = newId("vs");
    this.sessions.set(id, {
      id,
      object: "identity.verification_session",
      type: "document",
      status: "requires_input",
      metadata: (p.metadata as Record<string, string> | undefined) ?? {},
      options: (p.options as Params | undefined) ?? {},
      url: `${this.baseUrl()}/verify/${id}`,
      last_error: null,
      last_verification_report: null,
      redaction: null,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      return_url: typeof p.return_url === "string" ? p.return_url : "",
    });
    return { status: 200, body: this.session(id) };
  }

  /** The hosted capture: GET shows it; POST submits the outcome the test picked and returns to the portal. */
  page(method: string, id: string, form: URLSearchParams, res: ServerResponse): void {
    const session = this.sessions.get(id);
    if (!session || session.status !== "requires_input") {
      res.writeHead(410, { "content-type": "text/html" }).end("<h1>This verification link has expired</h1>");
      return;
    }
    if (method === "POST") {
      this.complete(id, (form.get("outcome") as VerificationOutcome | null) ?? "verified");
      res.writeHead(303, { location: session.return_url }).end();
      return;
    }
    const options = ["verified", ...Object.keys(ERRORS)]
      .map(
        (o, i) =>
          `<label><input type="radio" name="outcome" value="${o}"${i ? "" : " checked"}> ${o}</label>`,
      )
      .join("<br>");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Stripe Identity (test)</title></head><body>
<h1>Verify your identity</h1><p>Test mode: ID front and back, selfie and SSN are simulated.</p>
<form method="post"><fieldset><legend>Test outcome</legend>${options}</fieldset>
<button type="submit">Submit</button></form></body></html>`);
  }

  private emit(type: string, id: string): TestEvent {
    const event = stripeEvent(type, this.session(id));
    this.events.push(event);
    if (this.webhook) void sendWebhook(this.webhook, event);
    return event;
  }
}

function invalid(message: string): Reply {
  return { status: 400, body: { error: { type: "invalid_request_error", message } } };
}

function notFound(kind: string, id: string): Reply {
  return {
    status: 404,
    body: {
      error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'` },
    },
  };
}
