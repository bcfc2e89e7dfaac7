import { expect, test } from "./fixtures";

// Reliability case I1 over HTTP: a photo upload larger than two photos at the limit is refused by its size
// before anything parses it, and the portal goes on answering.
test("an upload body over the size limit is refused unread, with the size message", async ({ request }) => {
  const tooBig = Buffer.alloc(21 * 1024 * 1024, 0x41);
  const response = await request.post("/proof/capture/upload?step=id", {
    headers: { "content-type": "multipart/form-data; boundary=x" },
    data: tooBig,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/proof/capture/id?error=proofing.image_too_large");
  expect((await request.get("/sign-in")).status()).toBe(200);
});
