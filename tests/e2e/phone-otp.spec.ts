import type { Page } from "@playwright/test";
import { BASE_URL } from "./settings";
import { createActivatedCredential, createActiveCredential } from "../factories/credential";
import { expect, test } from "./fixtures";
import { afterPhoneRegistered, confirmItsYou, phoneNumbers, requestPhoneCode } from "./phone-helpers";
import { WITHOUT_PROOFING } from "./store-helpers";
import { sawRecoveryCodes } from "./secrets-seen";

async function logInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email Address or User ID").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log In" }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify$/);
}

test("registers two phones by text and voice, then signs in with each; a stale OTP session cannot add phones", async ({
  page,
  login,
  latestCode,
  sql,
  outbox,
  expectAccessible,
  playwright,
}) => {
  // Bought and activated (store-card.spec.ts walks that part): the credential waits for its first phone.
  const { user } = await createActivatedCredential();
  await login(user);
  const [first, second, third] = phoneNumbers(3);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: WITHOUT_PROOFING }).click();
  await page.getByRole("link", { name: "Set up phone one-time passcode" }).click();
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();
  await expectAccessible(page);

  // Bad input first: the numbers must match, and a premium-rate number is refused.
  await page.getByLabel("Phone Number", { exact: true }).fill("900 555 0143");
  await page.getByLabel("Confirm Phone Number").fill("9005550143");
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("premium-rate, shared-cost, toll-free").first()).toBeVisible();

  await requestPhoneCode(page, first!, "Send Text");
  await expect(page.getByRole("timer")).toHaveText(/^[45]:\d\d$/);
  await page.getByLabel("Verification").fill(await latestCode(first!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  // The first phone comes with 10 recovery codes, shown once.
  const recoveryCodes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  await sawRecoveryCodes(recoveryCodes);
  await afterPhoneRegistered(page);
  await expect(page.getByText("We highly recommend registering at least two phone numbers")).toBeVisible();

  // Registering proves that phone only: the second one needs a code on the first (Confirm it's you).
  await expect(page.getByLabel("Phone Number", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Confirm it's you" }).click();
  await confirmItsYou(page, first!, latestCode);
  await expect(page.getByRole("heading", { name: "Set up phone one-time passcode" })).toBeVisible();
  await requestPhoneCode(page, second!, "Send Voice");
  await page.getByLabel("Verification").fill(await latestCode(second!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await afterPhoneRegistered(page);
  await expect(page.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);
  await expect(page.getByText(/US ••• ••• ••\d\d/)).toHaveCount(2);

  await page.goto("/dashboard");
  await expect(page.getByText(/Active · Expires/)).toBeVisible();

  // Twenty-one minutes after the last phone OTP, this session may no longer add a phone.
  await sql(
    `UPDATE sessions SET "otpAt" = now() - interval '21 minutes' WHERE "userId" = (SELECT id FROM users WHERE email = $1)`,
    [user.email],
  );
  await page.goBack();
  await page.reload();
  await expect(page.getByText("phone numbers can be added only within 20 minutes")).toBeVisible();
  await expect(page.getByLabel("Phone Number", { exact: true })).toHaveCount(0);

  // Sign in again: password, then a code by text to the first phone...
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  // The 30-second gap between sends to one number is a clock rule: end the window instead of waiting.
  await sql(`DELETE FROM rate_limits WHERE key LIKE 'otp.send.phone%'`);
  await logInWithPassword(page, user.email, user.password);
  await expectAccessible(page);
  await page.getByRole("radio", { name: new RegExp(`••${first!.e164.slice(-2)}\\b`) }).check();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(first!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // ...where a fresh OTP session may add a third phone.
  await page.goto("/account");
  await expect(page.getByText("Password and phone OTP")).toBeVisible();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: WITHOUT_PROOFING }).click();
  await page.getByRole("link", { name: "Manage phone numbers" }).click();
  await requestPhoneCode(page, third!, "Send Text");
  await page.getByLabel("Verification").fill(await latestCode(third!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("You have registered the maximum of three phone numbers.")).toBeVisible();

  // And again by voice to the second phone.
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await logInWithPassword(page, user.email, user.password);
  await page.getByRole("radio", { name: new RegExp(`••${second!.e164.slice(-2)}\\b`) }).check();
  await page.getByRole("button", { name: "Send Voice" }).click();
  await expect(page.getByText("We are calling your phone with a code.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(second!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Manage OTP: changes wait for a fresh code once the last one is over 20 minutes old.
  await sql(
    `UPDATE sessions SET "otpAt" = now() - interval '21 minutes' WHERE "userId" = (SELECT id FROM users WHERE email = $1)`,
    [user.email],
  );
  await sql(`DELETE FROM rate_limits WHERE key LIKE 'otp.send.phone%'`);
  await page.getByRole("link", { name: "My Account" }).click();
  await page.getByRole("link", { name: "Manage OTP" }).click();
  await expect(page.getByText("Confirm it is you first.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  await page.getByLabel("Verification").fill(await latestCode(first!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  // Confirmed: the page now offers the changes.
  await expect(page.getByRole("button", { name: "Remove" }).first()).toBeVisible();

  const row = (p: { e164: string }) =>
    page.getByRole("listitem").filter({ hasText: new RegExp(`••${p.e164.slice(-2)}\\b`) });
  await row(third!).getByRole("button", { name: "Make Default" }).click();
  await expect(page.getByText("The default phone number was changed.")).toBeVisible();
  await expect(row(third!)).toContainText("(default)");
  await row(first!).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("The phone number was removed.")).toBeVisible();
  await expect(page.getByText(/US ••• ••• ••\d\d/)).toHaveCount(2);
  await outbox.latest(user.email, (m) => m.subject === "A phone number was removed on your MAG account");
  await outbox.latest(third!.e164, (m) => m.body.includes("A phone number was removed"));

  // The same sign-in through the partner API: password, code by text to the default phone, session.
  await sql(`DELETE FROM rate_limits WHERE key LIKE 'otp.send.phone%'`);
  const api = await playwright.request.newContext({ baseURL: BASE_URL });
  const step1 = await api.post("/api/v1/sign-in", {
    data: { login: user.username, password: user.password },
  });
  const pending = (await step1.json()) as {
    status: string;
    challenge: string;
    phones: { id: string; label: string; isDefault: boolean }[];
  };
  expect(pending.status).toBe("otp_required");
  expect(pending.phones).toHaveLength(2);
  expect(JSON.stringify(pending.phones)).not.toContain(third!.e164.slice(2));
  const phone = pending.phones.find((p) => p.isDefault)!;
  const sent = await api.post("/api/v1/sign-in/otp/send", {
    data: { challenge: pending.challenge, phoneId: phone.id, channel: "SMS" },
  });
  expect(sent.status()).toBe(200);
  const wrongCode = await api.post("/api/v1/sign-in/otp/verify", {
    data: { challenge: pending.challenge, code: "000000" },
  });
  expect((await wrongCode.json()) as unknown).toMatchObject({ error: { code: "otp.incorrect" } });
  const verified = await api.post("/api/v1/sign-in/otp/verify", {
    data: { challenge: pending.challenge, code: await latestCode(third!.e164) },
  });
  expect(await verified.json()).toEqual({ status: "authenticated", authLevel: "PASSWORD_OTP" });
  expect(await (await api.get("/account")).text()).toContain("Password and phone OTP");
  await api.dispose();
});

test("ten wrong codes in a row lock the phone OTP and email the user; the password alone never gets in", async ({
  page,
  latestCode,
  outbox,
}) => {
  // An active credential with two phones, registered as a user does (the factory clears its send limits).
  const { user, phones } = await createActiveCredential({ phones: 2 });
  const [first, second] = phones;
  await logInWithPassword(page, user.email, user.password);
  const wrong = async () => {
    await page.getByLabel("Verification").fill("000000");
    await page.getByRole("button", { name: "Next" }).click();
    // The form clears the field once the server has answered: only then is the next try a new one.
    await expect(page.getByLabel("Verification")).toHaveValue("");
  };
  // Five wrong tries spend the first code...
  await page.getByRole("radio", { name: new RegExp(`••${first!.e164.slice(-2)}\\b`) }).check();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByLabel("Verification")).toBeVisible();
  for (let i = 0; i < 5; i += 1) {
    await wrong();
    await expect(page.getByText(/That code is not correct|Too many wrong tries/).first()).toBeVisible();
  }
  await expect(page.getByText("Too many wrong tries for this code.").first()).toBeVisible();
  // ...a new code to the other phone does not reset the count, and the user is warned near the end.
  await page.getByRole("radio", { name: new RegExp(`••${second!.e164.slice(-2)}\\b`) }).check();
  await page.getByRole("button", { name: "Send Text" }).click();
  await expect(page.getByText("We texted a code to your phone.")).toBeVisible();
  for (let i = 0; i < 2; i += 1) await wrong();
  await expect(page.getByText("3 tries remain before codes are locked").first()).toBeVisible();
  for (let i = 0; i < 3; i += 1) await wrong();
  await expect(page.getByText("Too many wrong codes.").first()).toBeVisible();

  // Even the right code is refused now, and nothing opened a session.
  await page.getByLabel("Verification").fill(await latestCode(second!.e164));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Too many wrong codes.").first()).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in$/);
  await outbox.latest(user.email, (m) => m.subject === "Your one-time passcodes are locked for 15 minutes");
});
