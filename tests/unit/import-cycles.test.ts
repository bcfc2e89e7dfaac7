import { describe, expect, it } from "vitest";
import { findCycles, valueImports } from "@/scripts/import-cycles";

describe("the import cycle check", () => {
  it("finds a cycle of three files and leaves the files outside it alone", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("finds a file that imports itself and two separate cycles", () => {
    const graph = new Map([
      ["a", ["a"]],
      ["b", ["c"]],
      ["c", ["b"]],
    ]);
    expect(findCycles(graph)).toEqual(expect.arrayContaining([["a"], ["b", "c"]]));
    expect(findCycles(graph)).toHaveLength(2);
  });

  it("reports nothing for a graph without cycles", () => {
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("counts value imports and re-exports, not type-only ones", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'import { type C } from "./c";',
      'import { type D, d } from "./d";',
      'import "./e";',
      'export { f } from "./f";',
      'export type { G } from "./g";',
      'export * from "./h";',
    ].join("\n");
    expect(valueImports("x.ts", text)).toEqual(["./a", "./d", "./e", "./f", "./h"]);
  });
});
