import type { Locator, Page } from "@playwright/test";
import { startPhoneRegistration } from "@/lib/phones/service";
import { createCatalog } from "../factories/catalog";
import { createActivatedCredential, nextPhone, phoneForm, sessionOf } from "../factories/credential";
import { fromIp } from "../factories/request";
import { createSignedInSession } from "../factories/session";
import { createUser } from "../factories/user";
import { buyWithCard, latestKeyFor } from "../setup/purchase";
import { expect, test } from "./fixtures";
import { LICENSE_KEY } from "./store-helpers";

/** Fills a staff action's reason and confirmation, submits it, and waits for its confirmation message. */
async function act(form: Locator, label: string, reason: string, done: string) {
  await form.getByLabel(`Reason for ${label}`).fill(reason);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: label }).click();
  await expect(form.page().getByText(done)).toBeVisible();
}

async function openUser(support: Page, email: string, name: string) {
  await support.goto(`/admin?q=${encodeURIComponent(email)}`);
  await support.getByRole("link", { name }).click();
  await expect(support.getByRole("heading", { name })).toBeVisible();
}

test("support revokes a buyer's unused key, ends their session, re-sends a key that activates, then revokes the credential", async ({
  page,
  login,
  loginElsewhere,
  signIn,
  outbox,
}) => {
  // A buyer whose card payment issued a key that is not used yet, signed in on the dashboard.
  const user = await createUser();
  await buyWithCard(user, (await createCatalog()).withoutProofing);
  const first = await latestKeyFor(user.email);
  const name = `${user.firstName} ${user.lastName}`;
  await login(user);

  const support = await loginElsewhere(await createUser({ role: "SUPPORT" }));
  await openUser(support, user.email, name);
  await expect(support.getByText(`license key ending ${first.slice(-4)} (unused)`)).toBeVisible();
  await expect(support.getByText(first)).toHaveCount(0);

  // A refused submission (no reason, no tick) changes nothing.
  const revoke = support.getByRole("form", { name: "Revoke License Key" });
  await revoke.getByRole("button", { name: "Revoke License Key" }).click();
  await expect(revoke.getByText("State the reason")).toBeVisible();
  await act(
    revoke,
    "Revoke License Key",
    "Buyer says the confirmation email was forwarded to a stranger",
    "The unused license key is revoked",
  );
  await act(
    support.getByRole("form", { name: "End Session" }),
    "End Session",
    "Buyer reports the laptop with the open session was stolen",
    "The session was ended",
  );

  // The buyer's open session is refused on its next request; the old key no longer activates.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(user.email, user.password);
  await page.getByRole("link", { name: "Enter it here" }).click();
  await page.getByLabel("License Key").fill(first);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("This license key was replaced or revoked.").first()).toBeVisible();

  await support.reload();
  await expect(support.getByText(`license key ending ${first.slice(-4)} (revoked)`)).toBeVisible();
  await act(
    support.getByRole("form", { name: "Re-send License Key" }),
    "Re-send License Key",
    "Buyer confirmed the order number and billing address by phone",
    "A new license key was emailed",
  );
  const second = (
    await outbox.latest(user.email, (m) => /license key/i.test(m.subject) && !m.body.includes(first))
  ).body.match(LICENSE_KEY)![0];
  await page.getByLabel("License Key").fill(second);
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Your license key is activated.")).toBeVisible();

  // Revoking the credential signs the buyer out; it then shows as revoked on their dashboard.
  await support.reload();
  await act(
    support.getByRole("form", { name: "Revoke Credential" }),
    "Revoke Credential",
    "Bank confirmed the card payment was fraudulent",
    "The credential is revoked",
  );
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(user.email, user.password);
  await expect(page.getByRole("region", { name: "My 2FA Credentials" }).getByText("Revoked")).toBeVisible();

  // Every action is in the audit log with its reason.
  await support.goto(`/admin/audit?user=${encodeURIComponent(user.email)}&type=SESSION_ENDED`);
  await expect(support.getByText("laptop with the open session was stolen")).toBeVisible();
});

test("support sees what the carrier lookup refused and how each code went out, never the number", async ({
  loginElsewhere,
}) => {
  // A buyer tries to add a phone whose SIM the carrier reports swapped an hour ago (a local magic number),
  // then another phone, which gets its code.
  const { user, credentialId } = await createActivatedCredential();
  const session = await sessionOf(await createSignedInSession(user.id));
  await expect(
    startPhoneRegistration(session, phoneForm(credentialId, "+13125550197", "SMS"), fromIp("198.51.100.77")),
  ).rejects.toThrow("otp.sim_swap_recent");
  const phone = nextPhone();
  await startPhoneRegistration(session, phoneForm(credentialId, phone, "VOICE"), fromIp("198.51.100.77"));

  const support = await loginElsewhere(await createUser({ role: "SUPPORT" }));
  await openUser(support, user.email, `${user.firstName} ${user.lastName}`);
  const risk = support.getByRole("region", { name: "Phone risk" });
  await expect(risk).toContainText(
    "SIM swapped or ported in the last 72 hours: no code sent (adding a phone)",
  );
  await expect(risk).not.toContainText("0197");
  const deliveries = support.getByRole("region", { name: "Code deliveries" });
  await expect(deliveries.getByRole("row").nth(1)).toContainText(
    /Voice\s*adding a phone\s*local outbox \(demo mode\)/,
  );
  await expect(deliveries).not.toContainText(phone.slice(2, 9));
});
