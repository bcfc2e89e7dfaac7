// The reliability benchmarks' verdicts: one row per pass criterion, printed as a table; any failure fails the run.

export type Check = { case: string; figure: string; criterion: string; pass: boolean };

export function printChecks(checks: Check[]) {
  const width = (key: keyof Check) => Math.max(...checks.map((c) => String(c[key]).length), key.length);
  const [a, b, c] = [width("case"), width("figure"), width("criterion")];
  console.log(`\n${"case".padEnd(a)} | ${"figure".padEnd(b)} | ${"criterion".padEnd(c)} | result`);
  for (const check of checks)
    console.log(
      `${check.case.padEnd(a)} | ${check.figure.padEnd(b)} | ${check.criterion.padEnd(c)} | ${check.pass ? "pass" : "FAIL"}`,
    );
}

/** Prints the checks and exits 1 when any failed. */
export function finish(checks: Check[]): never {
  printChecks(checks);
  const failed = checks.filter((c) => !c.pass).length;
  console.log(
    failed ? `\n${failed} of ${checks.length} checks failed` : `\nall ${checks.length} checks passed`,
  );
  process.exit(failed ? 1 : 0);
}
