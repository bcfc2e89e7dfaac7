import "server-only";
import { markCredentialProofed } from "@/lib/credentials/service";
import { recordVerification } from "./verification-service";
import { recordAudit } from "@/lib/audit/service";
import { keyedHash, randomToken } from "@/lib/core/crypto";
import { env } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { logger } from "@/lib/core/logger";
import { enforceLimit } from "@/lib/core/rate-limit";
import { inTransaction } from "@/lib/core/transaction";
import { sendEmail } from "@/lib/messaging/service";
import type { RequestInfo } from "@/lib/core/caller";
import type { CaptureVerdict, CheckedImage } from "./document-checker";
import { proofingNoticeMessage } from "./emails";
import { deleteImage, readImage, storeImage } from "./image-store";
import { localDocumentChecker } from "./local-document-checker";
import { PROOFING_POLICY } from "./proofing";
import { verificationPageUrl } from "./stripe-identity";
import * as caseRepo from "./case-repository";
import * as retentionRepo from "./retention-repository";

// The phone side of self-service proofing: the texted link, the capture session it opens, the photos,
// and the decision. The phone is not signed in; the link, then the capture-session cookie, stand in.

const checker = localDocumentChecker;

export type ImageKind = "ID_FRONT" | "ID_BACK" | "SELFIE";

const linkHash = (token: string) => keyedHash("proofing-link", token);
const sessionHash = (secret: string) => keyedHash("proofing-capture", secret);

/** Whether a texted link can start a capture session; opening it (a GET) changes nothing. */
export async function isLinkUsable(token: string, now = new Date()): Promise<boolean> {
  const found = await caseRepo.findCaseByLinkHash(linkHash(token));
  return (
    found !== null &&
    found.status === "IN_PROGRESS" &&
    found.captureStartedAt === null &&
    found.linkExpiresAt !== null &&
    found.linkExpiresAt > now
  );
}

/**
 * Let's get started: binds the link to this phone's capture session, once. Returns the session secret
 * for an HttpOnly cookie. An expired, replaced or already used link is refused.
 */
export async function startCapture(token: string, request: RequestInfo, now = new Date()): Promise<string> {
  const secret = randomToken(32);
  const claimed = await caseRepo.claimLink(linkHash(token), sessionHash(secret), now);
  if (!claimed) {
    const found = await caseRepo.findCaseByLinkHash(linkHash(token));
    if (found) {
      const detail = { caseId: found.id };
      await recordAudit({
        type: "PROOFING_LINK_REFUSED",
        result: "DENIED",
        subjectUserId: found.userId,
        ...request,
        detail,
      });
    }
    throw new DomainError("proofing.link_invalid");
  }
  await recordAudit({
    type: "PROOFING_CAPTURE_STARTED",
    result: "SUCCESS",
    actorId: claimed.userId,
    subjectUserId: claimed.userId,
    ...request,
    detail: { caseId: claimed.id },
  });
  return secret;
}

/**
 * With Stripe Identity, where the capture session continues: Stripe's hosted capture (document, selfie, SSN)
 * instead of our pages. Null for our own capture.
 */
export async function providerCaptureUrl(secret: string): Promise<string | null> {
  const found = await caseRepo.findCaseByCaptureSession(sessionHash(secret));
  if (!found?.providerSessionId) return null;
  // A session that no longer takes a capture (decided, canceled) is a used link.
  const url = await verificationPageUrl(found.providerSessionId).catch(() => null);
  if (!url) throw new DomainError("proofing.link_invalid");
  return url;
}

export type CaptureState = {
  caseId: string;
  decided: boolean;
  passed: boolean;
  has: Record<ImageKind, boolean>;
};

/** The capture session behind a cookie, or a refusal once it has ended or the case was replaced. */
export async function getCapture(secret: string | undefined, now = new Date()): Promise<CaptureState> {
  if (!secret) throw new DomainError("proofing.link_invalid");
  const found = await caseRepo.findCaseByCaptureSession(sessionHash(secret));
  const endsAt = found?.captureStartedAt
    ? found.captureStartedAt.getTime() + PROOFING_POLICY.captureSessionMinutes * 60_000
    : 0;
  if (!found || now.getTime() >= endsAt) throw new DomainError("proofing.link_invalid");
  const kinds = new Set((await caseRepo.listImages(found.id)).map((i) => i.kind));
  return {
    caseId: found.id,
    decided: found.status !== "IN_PROGRESS",
    passed: found.status === "PASSED",
    has: { ID_FRONT: kinds.has("ID_FRONT"), ID_BACK: kinds.has("ID_BACK"), SELFIE: kinds.has("SELFIE") },
  };
}

/**
 * Vets, re-encodes (dropping EXIF and GPS) and stores the uploaded photos of one form: both ID sides, or the
 * selfie. All or nothing: one refused photo stores none. The selfie completes the capture and decides the case.
 */
export async function uploadPhotos(
  secret: string | undefined,
  photos: Partial<Record<ImageKind, Buffer | null>>,
  request: RequestInfo,
  now = new Date(),
): Promise<CaptureState> {
  const capture = await getCapture(secret, now);
  if (capture.decided) throw new DomainError("proofing.decided");
  // An empty input for a side received earlier keeps that photo; a missing required one is refused.
  const named = (Object.keys(photos) as ImageKind[]).filter((k) => photos[k] !== undefined);
  if (named.some((k) => !photos[k]?.length && !capture.has[k]))
    throw new DomainError("proofing.image_missing");
  const kinds = named.filter((k) => photos[k]?.length);
  if (kinds.length === 0) return capture;
  const isSelfie = kinds.includes("SELFIE");
  if (isSelfie && !(capture.has.ID_FRONT && capture.has.ID_BACK))
    throw new DomainError("proofing.capture_incomplete");
  await enforceLimit("proofing.upload.case", capture.caseId);

  const checked: [ImageKind, CheckedImage][] = [];
  for (const kind of kinds) {
    const result = await checker.checkImage(photos[kind]!);
    if ("refused" in result) {
      const detail = { caseId: capture.caseId, kind, reason: result.refused };
      await recordAudit({ type: "PROOFING_IMAGE_REFUSED", result: "FAILURE", ...request, detail });
      throw new DomainError(result.refused);
    }
    checked.push([kind, result]);
  }
  await storeChecked(capture.caseId, checked, request);
  if (isSelfie) await decide(capture.caseId, request, now);
  return getCapture(secret, now);
}

async function storeChecked(caseId: string, checked: [ImageKind, CheckedImage][], request: RequestInfo) {
  const stored: [ImageKind, CheckedImage, string][] = [];
  try {
    for (const [kind, image] of checked) stored.push([kind, image, await storeImage(image.jpeg)]);
  } catch (error) {
    await Promise.all(stored.map(([, , key]) => deleteImage(key)));
    logger().error({ err: (error as Error).message }, "proofing image store failed");
    throw new DomainError("proofing.storage_unavailable");
  }
  const replaced = await inTransaction(async (tx) => {
    const keys: string[] = [];
    for (const [kind, image, storageKey] of stored) {
      const data = {
        caseId,
        kind,
        storageKey,
        byteSize: image.jpeg.length,
        width: image.width,
        height: image.height,
      };
      const { closed, replacedKey } = await caseRepo.saveImage(data, tx);
      if (closed) throw new DomainError("proofing.decided");
      if (replacedKey) keys.push(replacedKey);
      await recordAudit(
        { type: "PROOFING_IMAGE_ACCEPTED", result: "SUCCESS", ...request, detail: { caseId, kind } },
        tx,
      );
    }
    return keys;
  }).catch(async (error: unknown) => {
    await Promise.all(stored.map(([, , key]) => deleteImage(key)));
    throw error;
  });
  await Promise.all(replaced.map(deleteImage));
}

/** Judges the three photos and closes the case. */
async function decide(caseId: string, request: RequestInfo, now: Date): Promise<void> {
  const images = await caseRepo.listImages(caseId);
  const load = async (kind: ImageKind): Promise<CheckedImage> => {
    const jpeg = await readImage(images.find((i) => i.kind === kind)!.storageKey);
    return { jpeg, width: 0, height: 0 };
  };
  const verdict = await checker.verifyCapture({
    front: await load("ID_FRONT"),
    back: await load("ID_BACK"),
    selfie: await load("SELFIE"),
  });
  const current = (await caseRepo.findCaseById(caseId))!;
  const identity = current.identityOutcome ?? "";
  await closeCase(
    current,
    verdict,
    { identity, kba: current.kbaPassedAt ? "passed" : "not_asked" },
    request,
    now,
  );
}

/**
 * Closes a self-service case on the capture's verdict (ours or Stripe Identity's): a pass proofs the credential
 * and sends the notice. Refused (proofing.decided) when the case was decided meanwhile.
 */
export async function closeCase(
  current: { id: string; userId: string; credentialId: string },
  verdict: CaptureVerdict,
  basis: Record<string, string>,
  request: RequestInfo,
  now: Date,
): Promise<void> {
  const caseId = current.id;
  const evidence = {
    ...basis,
    documents: verdict.passed ? "passed" : "failed",
    checks: verdict.checks.join(","),
  };
  await inTransaction(async (tx) => {
    await caseRepo.lockCredential(current.credentialId, tx);
    await caseRepo.updateOpenCase(caseId, { captureCompletedAt: now }, tx);
    const status = verdict.passed ? "PASSED" : "FAILED";
    const failureReason = verdict.passed ? undefined : verdict.reason;
    if (!(await caseRepo.decideCase(caseId, { status, failureReason, evidence }, now, tx)))
      throw new DomainError("proofing.decided");
    if (verdict.passed) {
      await markCredentialProofed(current.credentialId, now, tx);
      await recordVerification({ caseId, evidenceSummary: evidence }, now, tx);
    }
    await recordAudit(
      {
        type: verdict.passed ? "PROOFING_PASSED" : "PROOFING_FAILED",
        result: verdict.passed ? "SUCCESS" : "FAILURE",
        subjectUserId: current.userId,
        ...request,
        detail: { caseId, method: "SELF_SERVICE", ...evidence },
      },
      tx,
    );
  });
  if (verdict.passed) await deliverProofingNotice(caseId, now);
}

/** Sends the "you were identity-proofed" email once; upkeep retries it when the provider was down. */
export async function deliverProofingNotice(caseId: string, now = new Date()): Promise<boolean> {
  const pending = await caseRepo.findUnsentNotice(caseId);
  if (!pending || !(await caseRepo.claimNotice(caseId, now))) return false;
  try {
    await sendEmail(
      proofingNoticeMessage({
        to: pending.email,
        firstName: pending.firstName,
        decidedAt: pending.decidedAt,
        supportEmail: env().SUPPORT_EMAIL,
      }),
    );
    return true;
  } catch (error) {
    await caseRepo.releaseNotice(caseId);
    logger().warn({ err: (error as Error).message }, "proofing notice not sent; upkeep will retry");
    return false;
  }
}

/** Notices whose first delivery failed; run by the upkeep job. */
export async function deliverPendingNotices(now = new Date()): Promise<number> {
  let sent = 0;
  for (const notice of await caseRepo.listUnsentNotices(50)) {
    if (await deliverProofingNotice(notice.caseId, now)) sent += 1;
  }
  return sent;
}

/**
 * Deletes ID photos and selfies past retention (30 days after the decision, or after the case opened when
 * it was never decided): the row first, then the file. The decision and its evidence summary stay.
 */
export async function purgeExpiredImages(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PROOFING_POLICY.imageRetentionDays * 24 * 60 * 60_000);
  const expired = await retentionRepo.listExpiredImages(cutoff, 200);
  if (expired.length === 0) return 0;
  await retentionRepo.deleteImageRows(expired.map((i) => i.id));
  await Promise.all(expired.map((i) => deleteImage(i.storageKey)));
  for (const caseId of new Set(expired.map((i) => i.caseId))) {
    const count = expired.filter((i) => i.caseId === caseId).length;
    await recordAudit({ type: "PROOFING_IMAGES_PURGED", result: "SUCCESS", detail: { caseId, count } });
  }
  return expired.length;
}
