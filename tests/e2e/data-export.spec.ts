import { readFile } from "node:fs/promises";
import { createActiveCredential } from "../factories/credential";
import { readZip } from "../setup/unzip";
import { expect, test } from "./fixtures";

// My Account › Your Data: Download my data, by keyboard alone, gives a zip of the user's data, phones masked.

test("Download my data gives a zip with my profile and my phone masked, by keyboard alone", async ({
  page,
  login,
  expectAccessible,
}) => {
  const { user, sessionId, phones } = await createActiveCredential();
  await login(user, sessionId);

  await page.getByRole("link", { name: "My Account" }).click();
  const tab = page.getByRole("navigation", { name: "My Account" }).getByRole("link", { name: "Your Data" });
  await tab.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/data$/);
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Download my data" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Download my data" }).focus();
  const downloading = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mag-my-data-\d{4}-\d{2}-\d{2}\.zip$/);

  const files = readZip(await readFile(await download.path()));
  const json = files.get("my-data.json")!.toString("utf8");
  const data = JSON.parse(json) as { profile: { email: string }; phones: { number: string }[] };
  expect(data.profile.email).toBe(user.email);
  const e164 = phones[0]!.e164;
  expect(data.phones.map((p) => p.number)).toEqual([`US ••• ••• ••${e164.slice(-2)}`]);
  for (const [name, content] of files) {
    expect(content.toString("utf8"), name).not.toContain(e164);
    expect(content.toString("utf8"), name).not.toContain(e164.slice(2));
  }
});
