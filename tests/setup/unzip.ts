import { crc32, inflateRawSync } from "node:zlib";

// Reads a ZIP archive back for the tests, from its central directory (as unzip does), checking each entry's
// local header, sizes and CRC-32. Written from the format, not from lib/core/zip.ts, so a shared mistake shows.

/** Each file of the archive by name, in archive order; throws on anything malformed. */
export function readZip(archive: Uint8Array): Map<string, Buffer> {
  const zip = Buffer.from(archive);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) throw new Error("no end of central directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (at + zip.readUInt32LE(end + 12) !== end) throw new Error("central directory size or offset is wrong");
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${i}: no central header`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + skip;

    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header`);
    if (zip.toString("utf8", local + 30, local + 30 + zip.readUInt16LE(local + 26)) !== name)
      throw new Error(`${name}: local and central names differ`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : method === 0 ? Buffer.from(packed) : undefined;
    if (!data) throw new Error(`${name}: unknown method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    files.set(name, data);
  }
  return files;
}
