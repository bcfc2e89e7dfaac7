import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zipFiles, type ZipEntry } from "@/lib/core/zip";
import { readZip } from "../setup/unzip";

const ENTRIES: ZipEntry[] = [
  { name: "my-data.json", data: JSON.stringify({ name: "Zoë", items: Array(200).fill("repeated text") }) },
  { name: "invoices/INV-000001.html", data: "<!doctype html><p>Invoice — 東京</p>" },
  { name: "empty.txt", data: "" },
  // Random bytes do not compress: stored rather than deflated.
  { name: "noise.bin", data: randomBytes(4096) },
];
const AT = new Date("2026-12-01T13:45:58.000Z");

const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeArchive(): string {
  const path = join(dir, `archive-${Date.now()}.zip`);
  writeFileSync(path, zipFiles(ENTRIES, AT));
  return path;
}

const bytes = (data: string | Uint8Array) => Buffer.from(data);

describe("zipFiles", () => {
  it("reads back every entry with its name, bytes and CRC, in order", () => {
    const files = readZip(zipFiles(ENTRIES, AT));
    expect([...files.keys()]).toEqual(ENTRIES.map((e) => e.name));
    for (const entry of ENTRIES) expect(files.get(entry.name)).toEqual(bytes(entry.data));
  });

  it("compresses text and stores what deflate would only grow", () => {
    const text = zipFiles([ENTRIES[0]!], AT);
    expect(text.length).toBeLessThan(bytes(ENTRIES[0]!.data).length);
    const noise = zipFiles([ENTRIES[3]!], AT);
    expect(noise.readUInt16LE(8)).toBe(0); // compression method: stored
  });

  it("refuses names that would escape the folder it is unpacked in", () => {
    for (const name of ["", "/etc/passwd", "../up.txt", "a/../../b"]) {
      expect(() => zipFiles([{ name, data: "x" }], AT)).toThrow(/bad entry name/);
    }
  });

  it("passes unzip's own test and lists the names, sizes and date", () => {
    const path = writeArchive();
    expect(execFileSync("unzip", ["-tq", path], { encoding: "utf8" })).toMatch(/No errors detected/);
    const listing = execFileSync("unzip", ["-l", path], { encoding: "utf8" });
    for (const entry of ENTRIES) expect(listing).toContain(entry.name);
    expect(listing).toMatch(/2026-12-01 13:45|12-01-2026 13:45/);
  });

  it("gives unzip the same bytes, UTF-8 included", () => {
    const path = writeArchive();
    for (const entry of ENTRIES) {
      expect(execFileSync("unzip", ["-p", path, entry.name])).toEqual(bytes(entry.data));
    }
  });
});
