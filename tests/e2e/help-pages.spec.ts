import { expect, test } from "./fixtures";

// Help and wording: a footer on every page, the help pages it links, and what search engines may index.

test("every page's footer leads to Help, the Identity Proofing Resource, Privacy and Accessibility", async ({
  page,
}) => {
  await page.goto("/sign-in");
  const footer = page.getByRole("navigation", { name: "Site" });
  await footer.getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(page.getByText(/MAG Customer Support at/)).toBeVisible();
  // By keyboard alone: from Help to the resource the guide asks users to review before an appointment.
  await page.getByRole("main").getByRole("link", { name: "Identity Proofing Resource" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Identity Proofing Resource", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the agent will ask" })).toBeVisible();
  await expect(page.getByText("Passport", { exact: true })).toBeVisible();
  for (const [name, heading] of [
    ["Privacy", "Privacy"],
    ["Accessibility", "Accessibility"],
  ]) {
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }
});

test("robots.txt keeps staff and account pages out of search engines; the icons are served", async ({
  request,
}) => {
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/admin", "/account", "/dashboard", "/api"])
    expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toContain("Allow: /sign-in");
  for (const icon of ["/favicon.svg", "/icon-192.png", "/apple-touch-icon.png", "/logo.svg"]) {
    expect((await request.get(icon)).status(), icon).toBe(200);
  }
});
