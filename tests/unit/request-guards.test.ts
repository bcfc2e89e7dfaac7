import { describe, expect, it } from "vitest";
import { hadRecentDatabaseOutage, isDatabaseOutage, noteDatabaseOutage } from "@/lib/core/db-outage";
import { runInRequest, type RequestContext } from "@/lib/core/request-context";
import { isCrossSiteRequest } from "@/lib/web/cross-site";
import { isJsonMediaType } from "@/lib/web/http";
import { routeOf } from "@/lib/ops/request-log";

describe("cross-site requests", () => {
  const own = ["portal.example.gov", null, "portal.example.gov"];
  const post = (fetchSite: string | null, origin: string | null, method = "POST") =>
    isCrossSiteRequest({ method, fetchSite, origin, ownHosts: own });

  it("refuses a state-changing request that the browser marks cross-site or that names another origin", () => {
    expect(post("cross-site", null)).toBe(true);
    expect(post(null, "https://evil.example")).toBe(true);
    expect(post("same-site", "https://other.example.gov")).toBe(true);
    expect(post(null, "null"), "an opaque origin").toBe(true);
    expect(post(null, "https://portal.example.gov.evil.example")).toBe(true);
  });

  it("lets through the portal's own pages, server-to-server callers and reads", () => {
    expect(post("same-origin", "https://portal.example.gov")).toBe(false);
    expect(post(null, null), "Stripe, Twilio and partner back ends send neither header").toBe(false);
    expect(post("none", null), "a bookmark or typed URL").toBe(false);
    expect(post("cross-site", "https://evil.example", "GET"), "a link from another site").toBe(false);
  });
});

describe("the JSON API's media type", () => {
  it("is exactly application/json, with at most a UTF-8 charset", () => {
    expect(isJsonMediaType("application/json")).toBe(true);
    expect(isJsonMediaType("Application/JSON; charset=UTF-8")).toBe(true);
    for (const refused of [
      null,
      "text/plain",
      "text/plain; x=application/json",
      "application/json-patch+json",
      "application/jsonx",
      "application/json; charset=latin1",
      "multipart/form-data; boundary=application/json",
    ])
      expect(isJsonMediaType(refused), String(refused)).toBe(false);
  });
});

describe("database outages", () => {
  it("are told apart from other errors by code, message or cause", () => {
    expect(
      isDatabaseOutage(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseOutage({ code: "57P01", message: "terminating connection due to administrator command" }),
    ).toBe(true);
    expect(isDatabaseOutage(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseOutage(new Error("query failed", { cause: { code: "57P03" } }))).toBe(true);
    expect(
      isDatabaseOutage({ code: "23505", message: "duplicate key value violates unique constraint" }),
    ).toBe(false);
    expect(isDatabaseOutage(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseOutage(null)).toBe(false);
  });

  it("mark the request being served (server.ts's scope), so the server answers that page 503", () => {
    const mark: RequestContext = { requestId: "a", outage: false };
    const other: RequestContext = { requestId: "b", outage: false };
    runInRequest(mark, () => noteDatabaseOutage({ code: "ECONNREFUSED" }));
    runInRequest(other, () => noteDatabaseOutage(new Error("a bug")));
    expect([mark.outage, other.outage]).toEqual([true, false]);
  });

  it("are remembered for a moment, so the server answers that page 503", () => {
    const now = 1_000_000;
    expect(noteDatabaseOutage(new Error("unrelated"), now)).toBe(false);
    expect(noteDatabaseOutage({ code: "ECONNRESET" }, now)).toBe(true);
    expect(hadRecentDatabaseOutage(now + 1_000)).toBe(true);
    expect(hadRecentDatabaseOutage(now + 5_000)).toBe(false);
  });
});

describe("access-log routes", () => {
  it("drop the query string and mask ids and tokens, keeping the words of the path", () => {
    expect(routeOf("/sign-in?next=/dashboard&token=abc")).toBe("/sign-in");
    expect(routeOf("/oidc/interaction/Xk3dG8aQz1bT0pLmN9sVw")).toBe("/oidc/interaction/:id");
    expect(routeOf("/admin/users/cmabc123def456/phones")).toBe("/admin/users/:id/phones");
    expect(routeOf("/api/v1/sign-in/otp")).toBe("/api/v1/sign-in/otp");
    expect(routeOf("/proof/9f86d081-884c-4d63-9a8b-5a6b8e2f1c3d")).toBe("/proof/:id");
    expect(routeOf("/_next/static/chunks/app-1234abcd.js")).toBe("/_next/static");
  });
});
