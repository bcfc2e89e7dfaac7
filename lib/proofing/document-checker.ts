/** Why an uploaded photo was refused; each has a message in errors.ts. */
export type ImageRefusal =
  | "proofing.image_not_a_photo"
  | "proofing.image_too_large"
  | "proofing.image_too_many_pixels"
  | "proofing.image_too_small"
  | "proofing.image_unreadable";

export type CheckedImage = { jpeg: Buffer; width: number; height: number };

/**
 * Checks of ID photos and selfies (a document-verification vendor in production). `checkImage` vets one
 * upload and returns it re-encoded without metadata; `verifyCapture` judges the set.
 */
export interface DocumentChecker {
  checkImage(bytes: Buffer): Promise<CheckedImage | { refused: ImageRefusal }>;
  verifyCapture(images: {
    front: CheckedImage;
    back: CheckedImage;
    selfie: CheckedImage;
  }): Promise<CaptureVerdict>;
}

export type CaptureVerdict =
  { passed: true; checks: string[] } | { passed: false; reason: string; checks: string[] };

/** Upload limits (sizes from common phone cameras: a 12 MP JPEG is 3–6 MB). */
export const IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 50_000_000,
  minShortSide: 600,
  minLongSide: 800,
} as const;
