"use client";

/** Recovery codes shown once, with Download (a text file) and Print. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const text = `MAG recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-3">
      <ol aria-label="Recovery codes" className="grid max-w-md grid-cols-2 gap-2 font-mono">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="flex gap-4 print:hidden">
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="mag-recovery-codes.txt"
          className="text-brand-700 font-semibold underline"
        >
          Download
        </a>
        <button
          type="button"
          onClick={() => window.print()}
          className="text-brand-700 font-semibold underline"
        >
          Print
        </button>
      </div>
    </div>
  );
}
