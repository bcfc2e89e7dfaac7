// The pixel size a HEIF/HEIC file declares, read from its container before anything decodes it: each image
// item carries an `ispe` (image spatial extents) property box, 4 bytes of version and flags, then width and
// height as 32-bit big-endian integers. A file may hold several (thumbnails, grid tiles, the grid itself);
// the largest is what a decoder would allocate for.

const ISPE = Buffer.from("ispe", "latin1");

/** The largest width × height any `ispe` box declares, or null when there is none. */
export function largestDeclaredPixels(bytes: Buffer): number | null {
  let largest: number | null = null;
  for (let at = bytes.indexOf(ISPE); at !== -1; at = bytes.indexOf(ISPE, at + 4)) {
    // The box type follows its 4-byte size; the payload is version/flags, width, height.
    if (at < 4 || at + 16 > bytes.length) continue;
    const pixels = bytes.readUInt32BE(at + 8) * bytes.readUInt32BE(at + 12);
    largest = Math.max(largest ?? 0, pixels);
  }
  return largest;
}
