import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/core/env";
import type { ErrorCode } from "@/lib/core/errors";
import {
  getCapture,
  isLinkUsable,
  purgeExpiredImages,
  startCapture,
  uploadPhotos,
} from "@/lib/proofing/capture-service";
import { readImage } from "@/lib/proofing/image-store";
import { getProofingStep } from "@/lib/proofing/service";
import { createActivatedCredential, nextPhone } from "../factories/credential";
import { useTestClock, type TestClock } from "../setup/clock";
import { databaseText } from "../setup/database-text";
import { db, resetDb } from "../setup/db";
import { expectDomainError } from "../setup/errors";
import { outboxFor } from "../setup/outbox";
import { REQUEST, photo, proofingLinkToken, walkToCapture } from "../setup/proofing";

let clock: TestClock;

beforeEach(async () => {
  await resetDb();
  clock = useTestClock();
});

afterEach(() => {
  vi.useRealTimers();
});

/** An applicant whose identity passed, with the link texted to `mobile`; returns the link's token. */
async function linked(ssn = "123456789") {
  const { user, credentialId } = await createActivatedCredential({ withProofing: true, now: clock.now() });
  const mobile = nextPhone();
  await walkToCapture(user.id, credentialId, mobile, ssn);
  return { user, credentialId, mobile, token: await proofingLinkToken(mobile) };
}

async function capturing() {
  const applicant = await linked();
  const secret = await startCapture(applicant.token, REQUEST);
  return { ...applicant, secret };
}

/** A PNG whose header declares `width`×`height` (a decompression bomb's shape), with one tiny IDAT. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("the proofing link", () => {
  it("opens one capture session; the link cannot start a second one", async () => {
    const { token } = await linked();
    expect(await isLinkUsable(token)).toBe(true);
    const secret = await startCapture(token, REQUEST);
    expect(await getCapture(secret)).toMatchObject({ decided: false });
    expect(await isLinkUsable(token)).toBe(false);
    await expectDomainError(startCapture(token, REQUEST), "proofing.link_invalid");
    expect(await db().auditEvent.count({ where: { type: "PROOFING_LINK_REFUSED" } })).toBe(1);
  });

  it("is refused 15 minutes after it was sent, and accepted a second before", async () => {
    const { token } = await linked();
    clock.advance(15 * 60_000 - 1_000);
    expect(await isLinkUsable(token)).toBe(true);
    clock.advance(1_000);
    expect(await isLinkUsable(token)).toBe(false);
    await expectDomainError(startCapture(token, REQUEST), "proofing.link_invalid");
  });

  it("stops working when a new link is sent", async () => {
    const { user, credentialId, mobile, token } = await linked();
    const { resendProofingLink } = await import("@/lib/proofing/service");
    await resendProofingLink(user.id, { credentialId }, REQUEST);
    expect(await isLinkUsable(token)).toBe(false);
    expect(await isLinkUsable(await proofingLinkToken(mobile))).toBe(true);
  });

  it("refuses a made-up token and a missing capture cookie", async () => {
    await linked();
    await expectDomainError(startCapture("x".repeat(43), REQUEST), "proofing.link_invalid");
    await expectDomainError(getCapture(undefined), "proofing.link_invalid");
    await expectDomainError(getCapture("not-a-session"), "proofing.link_invalid");
  });
});

describe("photo checks", () => {
  it("refuses an HTML page, a PDF, an SVG with a script and a JPEG header on an HTML page, named .jpg", async () => {
    const { secret } = await capturing();
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    // A polyglot: the bytes a sniffer takes for a JPEG, then a page a browser would run.
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]);
    const refusals: [Buffer, ErrorCode][] = [
      [html, "proofing.image_not_a_photo"],
      [pdf, "proofing.image_not_a_photo"],
      [svg, "proofing.image_not_a_photo"],
      // Taken for a JPEG by its first bytes, then refused because no image decodes from it.
      [polyglot, "proofing.image_unreadable"],
    ];
    for (const [bytes, code] of refusals) {
      await expectDomainError(
        uploadPhotos(secret, { ID_FRONT: bytes, ID_BACK: await photo() }, REQUEST),
        code,
      );
    }
    expect(await db().proofingImage.count()).toBe(0);
  });

  it("refuses a 25 MB file", async () => {
    const { secret } = await capturing();
    const big = Buffer.concat([await photo(), Buffer.alloc(25 * 1024 * 1024)]);
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: big, ID_BACK: await photo() }, REQUEST),
      "proofing.image_too_large",
    );
  });

  it("refuses a PNG declaring 30000×30000 pixels without decoding it", async () => {
    const { secret } = await capturing();
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: pngDeclaring(30_000, 30_000), ID_BACK: await photo() }, REQUEST),
      "proofing.image_too_many_pixels",
    );
  });

  it("refuses a HEIC declaring 30000×30000 pixels by its container, before the decoder allocates", async () => {
    const { secret } = await capturing();
    // A HEIF brand box, then an image item's spatial extents (ispe): what an iPhone photo declares.
    const heic = (width: number, height: number) => {
      const ftyp = Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
      ]);
      const ispe = Buffer.alloc(20);
      ispe.writeUInt32BE(20, 0);
      ispe.write("ispe", 4, "latin1");
      ispe.writeUInt32BE(width, 12);
      ispe.writeUInt32BE(height, 16);
      return Buffer.concat([ftyp, ispe, Buffer.alloc(512)]);
    };
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: heic(30_000, 30_000), ID_BACK: await photo() }, REQUEST),
      "proofing.image_too_many_pixels",
    );
    // A sane declared size goes on to the decoder, which finds no picture in these bytes.
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: heic(1_600, 1_200), ID_BACK: await photo() }, REQUEST),
      "proofing.image_unreadable",
    );
    expect(await db().proofingImage.count()).toBe(0);
  });

  it("refuses a tiny image and a truncated one", async () => {
    const { secret } = await capturing();
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: await photo(320, 200), ID_BACK: await photo() }, REQUEST),
      "proofing.image_too_small",
    );
    const truncated = (await photo()).subarray(0, 2_000);
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: truncated, ID_BACK: await photo() }, REQUEST),
      "proofing.image_unreadable",
    );
  });

  it("stores a photo with GPS EXIF without it, re-encoded and encrypted", async () => {
    const { secret } = await capturing();
    const withGps = await sharp(await photo(1600, 1000, "png"))
      .withExif({
        IFD0: { Make: "PhoneMaker", Model: "Camera 9" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "38/1 53/1 2334/100",
          GPSLongitudeRef: "W",
          GPSLongitude: "77/1 2/1 1556/100",
        },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    await uploadPhotos(secret, { ID_FRONT: withGps, ID_BACK: await photo() }, REQUEST);

    const front = await db().proofingImage.findFirstOrThrow({ where: { kind: "ID_FRONT" } });
    const onDisk = await readFile(join(resolve(env().PROOFING_IMAGE_DIR), front.storageKey));
    expect(onDisk.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const stored = await readImage(front.storageKey);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("PhoneMaker"))).toBe(false);
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 1600, height: 1000 });
  });

  it("needs both sides of the ID before the selfie", async () => {
    const { secret } = await capturing();
    await expectDomainError(
      uploadPhotos(secret, { ID_FRONT: await photo(), ID_BACK: null }, REQUEST),
      "proofing.image_missing",
    );
    await expectDomainError(
      uploadPhotos(secret, { SELFIE: await photo() }, REQUEST),
      "proofing.capture_incomplete",
    );
  });

  it("refuses the upload cleanly, with no row, when the image store cannot write", async () => {
    const { secret } = await capturing();
    // A file where the image directory should be: every write fails, as on a broken mount (root ignores chmod).
    const dir = resolve(env().PROOFING_IMAGE_DIR);
    await rm(dir, { recursive: true, force: true });
    await writeFile(dir, "not a directory");
    try {
      await expectDomainError(
        uploadPhotos(secret, { ID_FRONT: await photo(), ID_BACK: await photo() }, REQUEST),
        "proofing.storage_unavailable",
      );
    } finally {
      await rm(dir, { force: true });
    }
    expect(await db().proofingImage.count()).toBe(0);
    expect(await getCapture(secret)).toMatchObject({ has: { ID_FRONT: false, ID_BACK: false } });
  });
});

describe("the decision", () => {
  it("the selfie completes the capture: the credential is proofed, the user notified, all audited", async () => {
    const { user, credentialId, secret } = await capturing();
    expect(
      await uploadPhotos(secret, { ID_FRONT: await photo(), ID_BACK: await photo() }, REQUEST),
    ).toMatchObject({
      has: { ID_FRONT: true, ID_BACK: true, SELFIE: false },
    });
    expect(await uploadPhotos(secret, { SELFIE: await photo(1000, 1300) }, REQUEST)).toMatchObject({
      decided: true,
      passed: true,
    });
    const credential = await db().credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(credential).toMatchObject({ status: "PHONE_REGISTRATION_REQUIRED", proofedAt: clock.now() });
    const page = await getProofingStep(user.id, credentialId, "result", REQUEST);
    expect(page.allowed && page.view.status).toBe("PASSED");

    const notice = (await outboxFor(user.email)).find((m) => m.subject?.includes("identity was verified"));
    expect(notice?.body).toContain("If this was not you");
    expect(notice?.body).toContain("Self-Service Mobile Proofing");
    const types = (await db().auditEvent.findMany({ where: { subjectUserId: user.id } })).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "PROOFING_STARTED",
        "PROOFING_CONSENT_GIVEN",
        "PROOFING_IDENTITY_CHECKED",
        "PROOFING_LINK_SENT",
        "PROOFING_CAPTURE_STARTED",
        "PROOFING_PASSED",
      ]),
    );
    await expectDomainError(uploadPhotos(secret, { SELFIE: await photo() }, REQUEST), "proofing.decided");
  });

  it("deletes the photos after 30 days and keeps the decision and its evidence", async () => {
    const { credentialId, secret } = await capturing();
    await uploadPhotos(secret, { ID_FRONT: await photo(), ID_BACK: await photo() }, REQUEST);
    await uploadPhotos(secret, { SELFIE: await photo() }, REQUEST);
    const keys = (await db().proofingImage.findMany()).map((i) => i.storageKey);
    expect(keys).toHaveLength(3);

    clock.advance(29 * 24 * 60 * 60_000);
    expect(await purgeExpiredImages()).toBe(0);
    clock.advance(2 * 24 * 60 * 60_000);
    expect(await purgeExpiredImages()).toBe(3);
    expect(await db().proofingImage.count()).toBe(0);
    const files = await readdir(resolve(env().PROOFING_IMAGE_DIR));
    expect(files.filter((f) => keys.includes(f))).toEqual([]);
    const decided = await db().proofingCase.findFirstOrThrow({ where: { credentialId } });
    expect(decided).toMatchObject({ status: "PASSED" });
    expect(decided.evidenceSummary).toMatchObject({ identity: "VERIFIED", documents: "passed" });
    // The consent the photos were taken under outlives them (reliability case D2).
    expect(decided.consentedAt).not.toBeNull();
    expect(decided.consentVersion).toBeTruthy();
    expect(await db().auditEvent.count({ where: { type: "PROOFING_CONSENT_GIVEN" } })).toBe(1);
  });
});

describe("PII at rest", () => {
  it("a dump of every table after the three paths holds none of the test SSNs in plaintext", async () => {
    const paths = ["123456789", "123456780", "123456799"];
    for (const ssn of paths) {
      const { user, credentialId } = await createActivatedCredential({
        withProofing: true,
        now: clock.now(),
      });
      await walkToCapture(user.id, credentialId, nextPhone(), ssn);
    }
    expect(await db().proofingCase.count({ where: { ssnEncrypted: { not: null } } })).toBe(3);
    // eslint-disable-next-line no-restricted-properties -- the test database's URL, set by scripts/test-db.ts
    const dump = await databaseText(process.env.DATABASE_URL!);
    expect(dump).toContain("-- proofing_cases");
    for (const ssn of paths) {
      for (const form of [ssn, `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`])
        expect(dump).not.toContain(form);
    }
  });
});

afterEach(async () => {
  await rm(resolve(env().PROOFING_IMAGE_DIR), { recursive: true, force: true });
});
