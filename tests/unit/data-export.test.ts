import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/core/html";
import { archiveName, invoiceFileName, maskTypedPhone } from "@/lib/privacy/data-export";

describe("data export rules", () => {
  it("masks a typed billing phone to its country and last two digits", () => {
    expect(maskTypedPhone("+1 (202) 555-0143", "US")).toBe("US ••• ••• ••43");
    expect(maskTypedPhone("0143", null)).toBe("••• ••• ••43");
    expect(maskTypedPhone(null, "US")).toBeNull();
    expect(maskTypedPhone("-", "US")).toBeNull();
  });

  it("keeps invoice file names inside the invoices folder", () => {
    expect(invoiceFileName("INV-000012")).toBe("invoices/INV-000012.html");
    expect(invoiceFileName("../A B/1")).toBe("invoices/___A_B_1.html");
  });

  it("names the archive by the UTC day", () => {
    expect(archiveName(new Date("2026-12-01T23:59:59Z"))).toBe("mag-my-data-2026-12-01.zip");
  });

  it("escapes markup and both quotes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
