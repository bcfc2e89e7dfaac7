import "server-only";
import { fileTypeFromBuffer } from "file-type";
import decodeHeic from "heic-decode";
import sharp, { type Sharp } from "sharp";
import { IMAGE_LIMITS, type CheckedImage, type DocumentChecker, type ImageRefusal } from "./document-checker";
import { largestDeclaredPixels } from "./heif-size";

const ACCEPTED = new Set(["image/jpeg", "image/png", "image/heic", "image/heif", "image/avif"]);

// Decoding a bomb costs memory before any check: refuse by the header's dimensions first.
sharp.cache(false);

async function decode(bytes: Buffer, mime: string): Promise<Sharp | { refused: ImageRefusal }> {
  const limitInputPixels = IMAGE_LIMITS.maxPixels;
  try {
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!header.width || !header.height) return { refused: "proofing.image_unreadable" };
    if (header.width * header.height > IMAGE_LIMITS.maxPixels)
      return { refused: "proofing.image_too_many_pixels" };
    return sharp(bytes, { limitInputPixels, failOn: "error" });
  } catch {
    // libvips as shipped has no HEVC decoder (patents): HEVC-coded HEIC goes through libheif's WASM build.
    if (mime !== "image/heic") return { refused: "proofing.image_unreadable" };
    // The WASM decoder allocates the whole picture: refuse by the container's declared size first.
    const declared = largestDeclaredPixels(bytes);
    if (declared === null) return { refused: "proofing.image_unreadable" };
    if (declared > IMAGE_LIMITS.maxPixels) return { refused: "proofing.image_too_many_pixels" };
    try {
      const { width, height, data } = await decodeHeic({ buffer: bytes });
      if (width * height > IMAGE_LIMITS.maxPixels) return { refused: "proofing.image_too_many_pixels" };
      return sharp(Buffer.from(data), { raw: { width, height, channels: 4 }, limitInputPixels });
    } catch {
      return { refused: "proofing.image_unreadable" };
    }
  }
}

/**
 * The local document checker: sniffs the bytes (never the file name or declared type), decodes with sharp,
 * enforces IMAGE_LIMITS, and re-encodes to JPEG, which drops every metadata block (EXIF, GPS, XMP).
 * Its `verifyCapture` passes any three readable images: there is no document or face matching here.
 */
export const localDocumentChecker: DocumentChecker = {
  async checkImage(bytes) {
    if (bytes.length > IMAGE_LIMITS.maxBytes) return { refused: "proofing.image_too_large" };
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !ACCEPTED.has(type.mime)) return { refused: "proofing.image_not_a_photo" };
    const image = await decode(bytes, type.mime);
    if ("refused" in image) return image;
    try {
      // rotate() applies the EXIF orientation before the metadata is dropped.
      const { data, info } = await image.rotate().jpeg({ quality: 90 }).toBuffer({ resolveWithObject: true });
      const short = Math.min(info.width, info.height);
      const long = Math.max(info.width, info.height);
      if (short < IMAGE_LIMITS.minShortSide || long < IMAGE_LIMITS.minLongSide)
        return { refused: "proofing.image_too_small" };
      return { jpeg: data, width: info.width, height: info.height } satisfies CheckedImage;
    } catch {
      return { refused: "proofing.image_unreadable" };
    }
  },
  verifyCapture() {
    return Promise.resolve({
      passed: true,
      checks: ["id_front_readable", "id_back_readable", "selfie_readable"],
    });
  },
};
