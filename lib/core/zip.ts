import "server-only";
import { crc32, deflateRawSync } from "node:zlib";

// A minimal ZIP writer (PKWARE APPNOTE 6.3): deflated entries, UTF-8 names, no ZIP64. Enough for a download
// of a few files built in memory; every unzip tool and OS file manager reads it.

export type ZipEntry = { name: string; data: string | Uint8Array };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20; // 2.0: deflate and folders
const UTF8_NAMES = 0x0800; // general purpose bit 11
const DEFLATE = 8;
const STORE = 0;
const MAX_32 = 0xffffffff;

/** MS-DOS date and time (2-second resolution, from 1980), which the headers use; taken in UTC. */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(at.getUTCFullYear(), 1980);
  return {
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
  };
}

type Packed = { name: Buffer; method: number; crc: number; size: number; body: Buffer; offset: number };

function pack(entry: ZipEntry, offset: number): Packed {
  const name = Buffer.from(entry.name, "utf8");
  const isSafePath = !entry.name.startsWith("/") && !entry.name.split("/").includes("..");
  if (name.length === 0 || name.length > 0xffff || !isSafePath)
    throw new Error(`zip: bad entry name ${JSON.stringify(entry.name)}`);
  const raw = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
  const deflated = deflateRawSync(raw);
  // Deflate can grow data that does not compress (already-compressed images): store those as they are.
  const [method, body] = deflated.length < raw.length ? [DEFLATE, deflated] : [STORE, raw];
  return { name, method, crc: crc32(raw), size: raw.length, body, offset };
}

function localHeader(p: Packed, stamp: { date: number; time: number }): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_HEADER, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(p.method, 8);
  h.writeUInt16LE(stamp.time, 10);
  h.writeUInt16LE(stamp.date, 12);
  h.writeUInt32LE(p.crc, 14);
  h.writeUInt32LE(p.body.length, 18);
  h.writeUInt32LE(p.size, 22);
  h.writeUInt16LE(p.name.length, 26);
  h.writeUInt16LE(0, 28); // no extra field
  return Buffer.concat([h, p.name]);
}

function centralHeader(p: Packed, stamp: { date: number; time: number }): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL_HEADER, 0);
  h.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, so no Unix mode to get wrong
  h.writeUInt16LE(VERSION, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(p.method, 10);
  h.writeUInt16LE(stamp.time, 12);
  h.writeUInt16LE(stamp.date, 14);
  h.writeUInt32LE(p.crc, 16);
  h.writeUInt32LE(p.body.length, 20);
  h.writeUInt32LE(p.size, 24);
  h.writeUInt16LE(p.name.length, 28);
  // Extra field, comment, disk number, internal and external attributes stay 0.
  h.writeUInt32LE(p.offset, 42);
  return Buffer.concat([h, p.name]);
}

/** The entries as one ZIP archive, each dated `modifiedAt`. Names are paths with `/` (`invoices/a.html`). */
export function zipFiles(entries: readonly ZipEntry[], modifiedAt: Date): Buffer {
  if (entries.length > 0xffff) throw new Error("zip: too many entries (no ZIP64)");
  const stamp = dosDateTime(modifiedAt);
  const parts: Buffer[] = [];
  const packed: Packed[] = [];
  let offset = 0;
  for (const entry of entries) {
    const p = pack(entry, offset);
    const header = localHeader(p, stamp);
    parts.push(header, p.body);
    packed.push(p);
    offset += header.length + p.body.length;
  }
  const central = Buffer.concat(packed.map((p) => centralHeader(p, stamp)));
  if (offset + central.length > MAX_32) throw new Error("zip: archive too large (no ZIP64)");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, central, end]);
}
