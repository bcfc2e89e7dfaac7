/** Numbers in the fictional +1 202 555 01xx range, different for each run (limits count per number). */
export function phoneNumbers(count: number, offset = 0): { typed: string; e164: string }[] {
  const start = Math.floor(Date.now() / 1000) + offset;
  return Array.from({ length: count }, (_, i) => {
    const last = String(100 + ((start + i) % 90)).padStart(4, "0");
    return { typed: `(202) 555-${last}`, e164: `+1202555${last}` };
  });
}
