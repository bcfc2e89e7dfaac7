import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { BASE_URL } from "./settings";
import { createSignedInSession } from "../factories/session";

export const DEMO_PASSWORD = "correct-horse-battery-staple";

type OutboxMessage = {
  channel: "sms" | "voice" | "email";
  to: string;
  subject: string;
  body: string;
  attachments: { filename: string; contentType: string; content: string }[];
  createdAt: string;
};

let ipCounter = 0;

/** A fresh client address per test (sent as X-Forwarded-For; the e2e portal trusts one proxy hop). */
function nextClientIp(): string {
  ipCounter += 1;
  const n = (process.pid % 200) * 1000 + ipCounter;
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

/** Who the fixtures sign in: staff sign in with password and phone OTP, as the consoles require. */
type SignedInUser = { id: string; role?: string };

export type Fixtures = {
  clientIp: string;
  outbox: {
    /** Waits for the newest message to `to` matching `match`, and returns it. */
    latest: (to: string, match?: (m: OutboxMessage) => boolean) => Promise<OutboxMessage>;
    /** Every message to `to`, newest first, without waiting. */
    all: (to: string) => Promise<OutboxMessage[]>;
    /** The first link in the newest email to `to` whose subject matches. */
    link: (to: string, subject: RegExp) => Promise<string>;
  };
  /** Signs in through the sign-in page (for the tests of sign-in itself). */
  signIn: (login: string, password?: string) => Promise<void>;
  /**
   * Signs `user` (from tests/factories) in to this test's browser without the sign-in page: a session row
   * and the cookie the portal would set for it; then opens the dashboard, as a sign-in does. `sessionId`: a
   * session the factory already opened (one with a phone OTP, say); otherwise a password session is opened.
   */
  login: (user: SignedInUser, sessionId?: string) => Promise<void>;
  /** The same in a browser of its own (same client address), for a second person; returns its page. */
  loginElsewhere: (user: SignedInUser, sessionId?: string) => Promise<Page>;
  signUp: (user: NewUser) => Promise<void>;
  expectAccessible: (page: Page) => Promise<void>;
  /** The e2e database, for what only a clock could do: age a session, end a send window. */
  sql: (text: string, values?: unknown[]) => Promise<unknown[]>;
  /** The newest 6-digit code texted or spoken to `e164`. */
  latestCode: (e164: string) => Promise<string>;
};

export type NewUser = {
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  password: string;
};

async function signInOn(page: Page, login: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** next-auth's cookie as the production build names it (lib/web/cookies.ts): Secure, __Host- prefixed. */
export const SESSION_COOKIE = "__Host-authjs.session-token";

const isStaff = (user: SignedInUser) => user.role !== undefined && user.role !== "USER";

/** The session cookie's value naming server-side session `sid`, as next-auth writes it (a JWT). */
export function sessionCookieValue(sid: string): Promise<string> {
  return encode({
    token: { sid },
    // eslint-disable-next-line no-restricted-properties -- the portal's secret, set by scripts/test-e2e.ts
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
    maxAge: 12 * 3600,
  });
}

/** Puts a session cookie for `user` into `context`, as next-auth does after a sign-in (lib/web/auth.ts). */
async function addSessionCookie(context: BrowserContext, user: SignedInUser, sessionId?: string) {
  const level = isStaff(user) ? "PASSWORD_OTP" : "PASSWORD";
  const sid = sessionId ?? (await createSignedInSession(user.id, new Date(), level));
  const value = await sessionCookieValue(sid);
  await context.addCookies([
    // A Secure, host-only cookie: given for the https origin of the host, as Chromium stores the portal's
    // own (it sends Secure cookies to 127.0.0.1 over http, a potentially trustworthy origin).
    {
      name: SESSION_COOKIE,
      value,
      url: BASE_URL.replace("http:", "https:"),
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    },
  ]);
}

let userCounter = 0;
export function newUser(): NewUser {
  userCounter += 1;
  const tag = `${Date.now().toString(36)}${userCounter}`;
  return {
    firstName: "Erin",
    lastName: `Tester${tag}`,
    email: `erin.${tag}@example.test`,
    username: `erin.${tag}`,
    password: "plain quiet river stones",
  };
}

export const test = base.extend<Fixtures>({
  clientIp: async ({}, use) => use(nextClientIp()),
  context: async ({ context, clientIp }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
    await use(context);
  },
  outbox: async ({ request }, use) => {
    const read = async (to: string) => {
      const res = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
      expect(res.ok()).toBe(true);
      return (await res.json()) as OutboxMessage[];
    };
    const latest = async (to: string, match: (m: OutboxMessage) => boolean = () => true) => {
      let found: OutboxMessage | undefined;
      await expect
        .poll(async () => (found = (await read(to)).find(match)), { message: `a message to ${to}` })
        .toBeTruthy();
      return found!;
    };
    await use({
      all: read,
      latest,
      link: async (to, subject) => {
        const message = await latest(to, (m) => subject.test(m.subject));
        const url = /https?:\/\/\S+/.exec(message.body)?.[0];
        expect(url, "a link in the email").toBeTruthy();
        return url!;
      },
    });
  },
  signIn: async ({ page }, use) => {
    await use((login, password = DEMO_PASSWORD) => signInOn(page, login, password));
  },
  login: async ({ page }, use) => {
    await use(async (user, sessionId) => {
      await addSessionCookie(page.context(), user, sessionId);
      await page.goto("/dashboard");
      await expect(page, "the portal accepts the session").toHaveURL(/\/dashboard$/);
    });
  },
  loginElsewhere: async ({ browser, clientIp }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, sessionId) => {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
      contexts.push(context);
      await addSessionCookie(context, user, sessionId);
      const page = await context.newPage();
      await page.goto("/dashboard");
      await expect(page, "the portal accepts the session").toHaveURL(/\/dashboard$/);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  signUp: async ({ page }, use) => {
    await use(async (user) => {
      await page.goto("/sign-up");
      await page.getByLabel("First Name").fill(user.firstName);
      await page.getByLabel("Last Name").fill(user.lastName);
      await page.getByLabel("Email Address").fill(user.email);
      await page.getByLabel("User ID").fill(user.username);
      await page.getByLabel("Password", { exact: true }).fill(user.password);
      await page.getByLabel("Confirm Password").fill(user.password);
      await page.getByLabel("Country").selectOption("US");
      await page.getByRole("button", { name: "Create Account" }).click();
      await expect(page.getByText(`we sent a verification link to ${user.email}`)).toBeVisible();
    });
  },
  sql: async ({}, use) => {
    // eslint-disable-next-line no-restricted-properties -- the e2e runner's database, set by scripts/test-e2e.ts
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await use(async (text, values) => (await client.query(text, values)).rows as unknown[]);
    await client.end();
  },
  latestCode: async ({ outbox }, use) => {
    await use(async (e164) => {
      const message = await outbox.latest(e164, (m) => m.channel !== "email");
      const digits = message.body.replace(/\D/g, "").match(/\d{6}/)?.[0];
      expect(digits, "a 6-digit code").toBeTruthy();
      return digits!;
    });
  },
  expectAccessible: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  },
});

export { expect };
