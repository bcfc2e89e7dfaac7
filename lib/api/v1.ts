import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { SignInInputSchema } from "@/lib/accounts/schemas";
import { completeSignInWithCode, sendSignInCode, signInWithPassword } from "@/lib/accounts/service";
import type { RequestInfo } from "@/lib/core/caller";
import { env } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { CodeSchema, SendSignInCodeInputSchema } from "@/lib/phones/schemas";
import { isCrossSiteRequest } from "@/lib/web/cross-site";
import {
  errorAnswer,
  isJsonMediaType,
  jsonErrorAnswer,
  parseJsonText,
  type JsonAnswer,
} from "@/lib/web/http";
import { readBody, requestInfoOf, writeJson } from "./node-io";
import { sessionCookieHeader } from "./session-cookie";

// The partner sign-in API (/api/v1), served by server.ts outside Next's router: the same domain calls, rules
// and answers as a route handler would give, without the router's per-request cost on the hottest paths
// (docs/benchmark.md). The session cookie is minted as next-auth writes it (./session-cookie.ts).

const MAX_BODY_BYTES = 16 * 1024;

type Answer = JsonAnswer & { sessionId?: string };
type Endpoint = { schema: z.ZodType; run: (input: never, request: RequestInfo) => Promise<Answer> };

function endpoint<S extends z.ZodType>(
  schema: S,
  run: (input: z.infer<S>, request: RequestInfo) => Promise<Answer>,
): Endpoint {
  return { schema, run };
}

/** The sessions this API opens are claimed at once: it mints their cookie itself (./session-cookie.ts). */
const DIRECT = { claimed: true };

const ENDPOINTS: Record<string, Endpoint> = {
  /** Step 1: the password. `authenticated` (with the session cookie) or `otp_required` with the phones. */
  "/api/v1/sign-in": endpoint(SignInInputSchema, async (input, request) => {
    const result = await signInWithPassword(input, request, new Date(), undefined, DIRECT);
    if (result.kind === "session")
      return { status: 200, body: { status: "authenticated" }, sessionId: result.sessionId };
    // Reopening is offered on the website only, where its consequences are explained.
    if (result.kind === "closed") throw new DomainError("accounts.account_closed");
    return {
      status: 200,
      body: { status: "otp_required", challenge: result.challengeToken, phones: result.phones },
    };
  }),
  /** Step 2: texts or calls the code to one of the user's phones. */
  "/api/v1/sign-in/otp/send": endpoint(
    SendSignInCodeInputSchema.extend({ challenge: z.string().min(1).max(200) }),
    async (input, request) => {
      const { expiresAt } = await sendSignInCode(input.challenge, input, request);
      return { status: 200, body: { status: "code_sent", expiresAt: expiresAt.toISOString() } };
    },
  ),
  /** Step 3: the code; a right one opens the session authenticated with password and phone OTP. */
  "/api/v1/sign-in/otp/verify": endpoint(
    z.object({ challenge: z.string().min(1).max(200), code: CodeSchema }),
    async (input, request) => {
      const { sessionId } = await completeSignInWithCode(
        input.challenge,
        input.code,
        request,
        new Date(),
        DIRECT,
      );
      return { status: 200, body: { status: "authenticated", authLevel: "PASSWORD_OTP" }, sessionId };
    },
  ),
};

/** The paths this module answers (without a query string). */
export function isApiV1Path(url: string): boolean {
  return Object.hasOwn(ENDPOINTS, url.split("?", 1)[0]!);
}

function isCrossSite(req: IncomingMessage): boolean {
  const { APP_URL, TRUST_PROXY_HOPS } = env();
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : null;
  };
  return isCrossSiteRequest({
    method: req.method ?? "GET",
    fetchSite: header("sec-fetch-site"),
    origin: header("origin"),
    ownHosts: [
      header("host"),
      TRUST_PROXY_HOPS > 0 ? header("x-forwarded-host") : null,
      new URL(APP_URL).host,
    ],
  });
}

async function answer(req: IncomingMessage, target: Endpoint): Promise<Answer> {
  if (req.method !== "POST") return { ...jsonErrorAnswer("request.method", 405), headers: { Allow: "POST" } };
  if (isCrossSite(req)) return jsonErrorAnswer("request.cross_site", 403);
  if (!isJsonMediaType(req.headers["content-type"] ?? null))
    return jsonErrorAnswer("request.media_type", 415);
  const text = await readBody(req, MAX_BODY_BYTES);
  if (text === null) return jsonErrorAnswer("request.too_large", 413, {}, { Connection: "close" });
  const parsed = parseJsonText(text, target.schema);
  if (!parsed.ok) return parsed.answer;
  try {
    return await target.run(parsed.data as never, requestInfoOf(req));
  } catch (error) {
    return errorAnswer(error);
  }
}

/** Answers one /api/v1 request (isApiV1Path) on Node's request and response; never rejects. */
export async function handleApiV1(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = ENDPOINTS[(req.url ?? "").split("?", 1)[0]!]!;
  try {
    const result = await answer(req, target);
    const cookie: Record<string, string> = result.sessionId
      ? { "Set-Cookie": await sessionCookieHeader(result.sessionId) }
      : {};
    writeJson(res, result, cookie);
  } catch (error) {
    if (!res.headersSent) writeJson(res, errorAnswer(error));
    else res.destroy();
  }
}
