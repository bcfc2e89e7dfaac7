import { devices, type Page } from "@playwright/test";
import { createActivatedCredential } from "../factories/credential";
import { createUser } from "../factories/user";
import { expect, test, type Fixtures } from "./fixtures";
import { cameraPhoto, captureOnPhone, expectProofed, proveIdentity } from "./proofing-helpers";
import { phoneNumbers } from "./phone-helpers";
import { LICENSE_KEY, WITH_PROOFING } from "./store-helpers";

/**
 * A signed-in buyer of a credential with proofing, activated (store-card.spec.ts walks the purchase), on the
 * dashboard's Start Identity Proofing; returns the buyer.
 */
async function startProofing(page: Page, login: Fixtures["login"]) {
  const { user } = await createActivatedCredential({ withProofing: true });
  await login(user);
  await page.getByRole("link", { name: WITH_PROOFING }).click();
  await page.getByRole("link", { name: "Start Identity Proofing" }).click();
  await expect(page.getByRole("heading", { name: "Select the proofing country" })).toBeVisible();
  return user;
}

test("verified path: desktop and phone; bad photos and a reused link are refused; support sees no secret", async ({
  page,
  browser,
  clientIp,
  login,
  outbox,
  sql,
  loginElsewhere,
  expectAccessible,
}, testInfo) => {
  // The longest journey of the suite (desktop, phone, support): a busy machine must not time it out.
  test.setTimeout(120_000);
  const user = await startProofing(page, login);
  const [mobile] = phoneNumbers(1);
  // A retry needs an identity of its own: an SSN proofed on one account is refused on another.
  const ssn = ["123-45-6789", "124-45-6789"][testInfo.retry]!;
  await proveIdentity(page, ssn, mobile!.typed, expectAccessible);
  await expect(page.getByRole("heading", { name: "Complete proofing on your phone" })).toBeVisible();

  // Clicking too early says what is missing.
  await page.getByRole("button", { name: "ID PROOFING COMPLETED" }).click();
  await expect(page.getByText("We have not received your photos yet.")).toBeVisible();

  const sms = await outbox.latest(mobile!.e164, (m) => m.body.includes("/proof/"));
  const link = /https?:\/\/\S+\/proof\/[A-Za-z0-9_-]+/.exec(sms.body)![0];
  const phone = await browser.newContext({
    ...devices["Pixel 7"],
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  const phonePage = await phone.newPage();
  await phonePage.goto(link);
  await expectAccessible(phonePage);
  await phonePage.getByRole("button", { name: "Let’s get started" }).click();
  await expect(phonePage.getByRole("heading", { name: "Capture your ID" })).toBeVisible();

  // An HTML page named .jpg, then a 25 MB file: clear messages, nothing kept.
  await phonePage.getByLabel("Front of your ID").setInputFiles({
    name: "front.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("<!doctype html><title>x</title><p>not a photo</p>"),
  });
  await phonePage.getByLabel("Back of your ID").setInputFiles(await cameraPhoto("back.jpg"));
  await phonePage.getByRole("button", { name: "Continue" }).click();
  await expect(phonePage.getByText("This file is not a photo.")).toBeVisible();
  const huge = await cameraPhoto("front.jpg");
  await phonePage
    .getByLabel("Front of your ID")
    .setInputFiles({ ...huge, buffer: Buffer.concat([huge.buffer, Buffer.alloc(25 * 1024 * 1024)]) });
  await phonePage.getByLabel("Back of your ID").setInputFiles(await cameraPhoto("back.jpg"));
  await phonePage.getByRole("button", { name: "Continue" }).click();
  await expect(phonePage.getByText("This photo is larger than 10 MB.")).toBeVisible();

  await phonePage.getByLabel("Front of your ID").setInputFiles(await cameraPhoto("front.jpg"));
  await phonePage.getByLabel("Back of your ID").setInputFiles(await cameraPhoto("back.jpg"));
  await phonePage.getByRole("button", { name: "Continue" }).click();
  await phonePage
    .getByLabel("Photo of yourself", { exact: true })
    .setInputFiles(await cameraPhoto("selfie.jpg", 1000, 1300));
  await phonePage.getByRole("button", { name: "Submit" }).click();
  await expect(phonePage.getByText("Your instant proofing on this phone is complete.")).toBeVisible();

  // The same link in another browser: refused.
  const other = await browser.newContext({
    ...devices["Pixel 7"],
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage.getByText("This proofing link is not valid")).toBeVisible();
  await other.close();
  await phone.close();

  await expectProofed(page, outbox, user.email);
  // The user's own timeline tells the same story as support's, without the SSN.
  await page.goto(page.url().replace(/\/phones.*$/, ""));
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByText(/Purchased \(order MAG-\d{6}, \$/)).toBeVisible();
  await expect(timeline.getByText("Identity proofing passed (self-service)")).toBeVisible();
  await expect(page.getByText(/SSN ending/)).toHaveCount(0);

  // Support sees the outcome and the SSN's last four digits, never the SSN, the key or a photo; the view
  // is audited.
  const key = (await outbox.latest(user.email, (m) => /license key/i.test(m.subject))).body.match(
    LICENSE_KEY,
  )![0];
  const support = await loginElsewhere(await createUser({ role: "SUPPORT" }));
  await support.goto(`/admin?q=${encodeURIComponent(user.email)}`);
  await support.getByRole("link", { name: `${user.firstName} ${user.lastName}` }).click();
  await expect(support.getByText("Identity proofing passed (self-service)")).toBeVisible();
  await expect(support.getByText("Proofing evidence: SSN ending 6789")).toBeVisible();
  const html = await support.content();
  for (const secret of [ssn.replace(/-/g, ""), ssn, key, key.replace(/-/g, "")]) {
    expect(html).not.toContain(secret);
  }
  expect(await support.locator("main img").count()).toBe(0);
  const views = await sql(
    `SELECT 1 FROM audit_events e JOIN users u ON u.id = e."subjectUserId"
     WHERE e.type = 'IDENTITY_EVIDENCE_VIEWED' AND u.email = $1`,
    [user.email],
  );
  expect(views).toHaveLength(1);
});

test("KBA path: three questions answered right, then the phone capture", async ({
  page,
  browser,
  clientIp,
  login,
  outbox,
}) => {
  const user = await startProofing(page, login);
  const [mobile] = phoneNumbers(1);
  await proveIdentity(page, "123456780", mobile!.typed);
  await expect(page.getByRole("heading", { name: "Knowledge-Based Authentication Questions" })).toBeVisible();
  await page.getByRole("radio", { name: "Juniper Court" }).check();
  await page.getByRole("radio", { name: "Summit Auto Finance" }).check();
  await page
    .getByRole("group", { name: /In which county/ })
    .getByRole("radio", { name: "None of the above" })
    .check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Complete proofing on your phone" })).toBeVisible();
  const { phone } = await captureOnPhone(browser, clientIp, outbox, mobile!.e164);
  await phone.close();
  await expectProofed(page, outbox, user.email);
});

test("not-verified path: two failed attempts end in the live video offer, key kept", async ({
  page,
  login,
}) => {
  await startProofing(page, login);
  const [first, second] = phoneNumbers(2);
  await proveIdentity(page, "123-45-6799", first!.typed);
  await expect(page.getByText("Identity proofing did not succeed.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Live Video Proofing" })).toBeVisible();
  await expect(page.getByText("You have 2 proofing attempts left")).toBeVisible();

  await page.getByRole("button", { name: "Try Self-Service Proofing Again" }).click();
  await proveIdentity(page, "123-45-6799", second!.typed);
  await expect(page.getByText("Identity proofing did not succeed.")).toBeVisible();
  await expect(page.getByText("Your license key is still valid.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Live Video Proofing" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try Self-Service Proofing Again" })).toHaveCount(0);
});
