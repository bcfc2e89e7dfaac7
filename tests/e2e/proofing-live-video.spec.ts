import type { Page } from "@playwright/test";
import { createActivatedCredential } from "../factories/credential";
import { expect, test, type Fixtures } from "./fixtures";
import { phoneNumbers, registerPhone } from "./phone-helpers";
import { WITH_PROOFING } from "./store-helpers";
import { sawSecret } from "./secrets-seen";

/**
 * Guide "To complete the Live Video Proofing", steps 1–5, for a new buyer of a credential with proofing
 * (bought and activated by the factory; store-card.spec.ts walks that part); returns the buyer.
 */
async function bookAppointment(page: Page, login: Fixtures["login"]) {
  const { user } = await createActivatedCredential({ withProofing: true });
  await login(user);
  await page.getByRole("link", { name: WITH_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  await page.getByLabel("Proofing Country").selectOption("GB");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("button", { name: "PROCEED WITH MOBILE PHONE" })).toHaveCount(0);
  await page.getByRole("button", { name: "PROCEED WITH LIVE VIDEO PROOFING" }).click();
  await expect(page.getByRole("heading", { name: "Live Video Proofing" })).toBeVisible();
  // The live video path has its own steps, not the self-service ones.
  const steps = page.getByRole("navigation", { name: "Proofing steps" });
  await expect(steps.getByRole("listitem")).toHaveText(
    ["Country", "Method", "Review", "Appointment", "Confirm", "Meeting", "Code"].map(
      (s, i) => new RegExp(`^${i + 1}${s}`),
    ),
  );
  await expect(steps.locator('[aria-current="step"]')).toContainText("Review");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("radio", { name: "Verify my identity by meeting with an agent later" }).check();
  await page.getByRole("button", { name: "Schedule an Appointment" }).click();
  await expect(page.getByRole("heading", { name: "Schedule an Appointment" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Select an appointment date and time" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]tz=/);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your appointment" })).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toContainText("Confirm");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Select the identity documents you will present.")).toBeVisible();
  await page.getByLabel("Phone Number").fill("+44 20 7946 0958");
  await page.getByRole("checkbox", { name: "Passport" }).check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
  return user;
}

type AgentFixtures = Pick<Fixtures, "loginElsewhere" | "sql">;

/**
 * The demo agent (the one with open hours, whom bookings go to), signed in in a browser of their own, on the
 * applicant's appointment page.
 */
async function agentOpens({ loginElsewhere, sql }: AgentFixtures, applicant: string): Promise<Page> {
  const [agent] = (await sql(`SELECT id, role FROM users WHERE email = 'agent@example.com'`)) as {
    id: string;
    role: string;
  }[];
  const page = await loginElsewhere(agent!);
  await page.goto("/admin/proofing");
  await page
    .getByRole("listitem")
    .filter({ hasText: `· ${applicant} ·` })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { name: `Proofing session with ${applicant}` })).toBeVisible();
  return page;
}

/** The code shown once on the agent's screen after Pass or Issue New Activation Code. */
async function codeOnScreen(agent: Page): Promise<string> {
  const message = await agent.getByText(/Activation code: /).textContent();
  const code = /Activation code: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(message ?? "")?.[1];
  expect(code, "the activation code on the agent's screen").toBeTruthy();
  sawSecret("activation code", code!);
  return code!;
}

/** On the appointment page: a photo ID, Yes to every question, Pass; returns the activation code shown. */
async function passSession(agent: Page): Promise<string> {
  await agent.getByRole("radio", { name: "One unexpired government-issued photo ID" }).check();
  for (const group of await agent
    .getByRole("group")
    .filter({ has: agent.getByRole("radio", { name: "Yes" }) })
    .all())
    await group.getByRole("radio", { name: "Yes" }).check();
  await agent.getByRole("button", { name: "Pass" }).click();
  return codeOnScreen(agent);
}

test("books, the agent passes the session, the user activates with the code and registers a phone", async ({
  page,
  login,
  loginElsewhere,
  sql,
  outbox,
  latestCode,
  expectAccessible,
}) => {
  const user = await bookAppointment(page, login);
  const confirmation = await outbox.latest(user.email, (m) => /appointment is confirmed/.test(m.subject));
  expect(confirmation.attachments[0]?.filename).toBe("proofing-appointment.ics");
  expect(confirmation.attachments[0]?.content).toContain("BEGIN:VCALENDAR");
  await page.goto("/dashboard");
  await expect(page.getByText(/Proofing appointment:/)).toBeVisible();

  const agent = await agentOpens({ loginElsewhere, sql }, `${user.firstName} ${user.lastName}`);
  await expectAccessible(agent);
  // How to reach the applicant, as the guide says the agent will contact them (an audited evidence view).
  await expect(agent.getByRole("link", { name: "+442079460958" })).toHaveAttribute(
    "href",
    "tel:+442079460958",
  );
  await expect(agent.getByRole("link", { name: user.email })).toBeVisible();
  const code = await passSession(agent);

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Activate" }).click();
  await expect(page.getByRole("heading", { name: "Activate Proofing Code" })).toBeVisible();
  await page.getByLabel("Activation Code").fill("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("This activation code is not valid.").first()).toBeVisible();
  await page.getByLabel("Activation Code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();

  const [phone] = phoneNumbers(1);
  await registerPhone(page, phone!, latestCode);
});

test("a no-show is rescheduled from the account", async ({ page, login, loginElsewhere, outbox, sql }) => {
  const user = await bookAppointment(page, login);
  // Only a clock could get the appointment under way: move its start into the past.
  await sql(
    `UPDATE appointments SET "startsAt" = now() - interval '5 minutes', "slotKey" = "slotKey" || '/started'
     WHERE "userId" = (SELECT id FROM users WHERE email = $1) AND status = 'BOOKED'`,
    [user.email],
  );
  const agent = await agentOpens({ loginElsewhere, sql }, `${user.firstName} ${user.lastName}`);
  await agent.getByRole("button", { name: "No-show" }).click();
  await expect(agent.getByText("Recorded as a no-show.")).toBeVisible();

  const missed = await outbox.latest(user.email, (m) => /missed your proofing appointment/.test(m.subject));
  expect(missed.body).toContain("schedule a new appointment from your MAG account");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: WITH_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  await expect(page.getByRole("heading", { name: "Select an appointment date and time" })).toBeVisible();
  // The page first puts the browser's time zone in its URL; a click before that can be lost to the reload.
  await expect(page).toHaveURL(/[?&]tz=/);
  await page.getByRole("radio").nth(2).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Phone Number").fill("+44 20 7946 0958");
  await page.getByRole("checkbox", { name: "Driver's license" }).check();
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Your appointment is booked.")).toBeVisible();
});

test("a failed session emails the agent's instructions", async ({
  page,
  login,
  loginElsewhere,
  sql,
  outbox,
}) => {
  const user = await bookAppointment(page, login);
  const agent = await agentOpens({ loginElsewhere, sql }, `${user.firstName} ${user.lastName}`);
  await agent.getByRole("button", { name: "Fail" }).click();
  await expect(agent.getByText("Write at least a sentence of instructions.")).toBeVisible();
  await agent
    .getByLabel(/Instructions for the applicant/)
    .fill("Your passport had expired. Book a new appointment with an unexpired photo ID.");
  await agent.getByRole("button", { name: "Fail" }).click();
  await expect(agent.getByText("Proofing failed.")).toBeVisible();

  const mail = await outbox.latest(user.email, (m) => /not successful/.test(m.subject));
  expect(mail.body).toContain("Your passport had expired.");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: WITH_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  await expect(page.getByText("The proofing agent could not verify your identity.")).toBeVisible();
});

test("a lost activation code: the user asks for a new one, the agent who passed them re-issues it", async ({
  page,
  login,
  loginElsewhere,
  sql,
  outbox,
}) => {
  const user = await bookAppointment(page, login);
  const agent = await agentOpens({ loginElsewhere, sql }, `${user.firstName} ${user.lastName}`);
  const lost = await passSession(agent);

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Activate" }).click();
  await page.getByRole("button", { name: "Request a New Activation Code" }).click();
  await expect(page.getByText(/You asked for a new activation code on/)).toBeVisible();
  await outbox.latest("agent@example.com", (m) => /new activation code/.test(m.subject));

  await agent.goto("/admin/proofing");
  const requests = agent.getByRole("region", { name: "Activation code requests" });
  const request = requests.getByRole("listitem").filter({ hasText: `${user.firstName} ${user.lastName}` });
  await request
    .getByLabel("Identity re-check (recorded in the audit log)")
    .fill("Called the session number; DOB matched.");
  await request.getByRole("button", { name: "Issue New Activation Code" }).click();
  const fresh = await codeOnScreen(agent);
  expect(fresh).not.toBe(lost);

  await page.reload();
  await expect(page.getByRole("button", { name: "Request a New Activation Code" })).toBeVisible();
  await page.getByLabel("Activation Code").fill(lost);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("This activation code is not valid.").first()).toBeVisible();
  await page.getByLabel("Activation Code").fill(fresh);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();
});
