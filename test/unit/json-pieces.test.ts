// The chunked JSON writer behind `seamwatch parse --json` and the run's JSON report: whatever the pieces,
// together they are one JSON document.
import { describe, expect, it } from "vitest";
import { jsonPieces } from "../../core/report/index.ts";

describe("jsonPieces", () => {
  it("writes the head's fields, then the list, as one document ending in a newline", () => {
    const text = [
      ...jsonPieces({ version: 1, totals: { tests: 2 } }, "tests", [{ id: "a" }, { id: "b" }]),
    ].join("");
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual({ version: 1, totals: { tests: 2 }, tests: [{ id: "a" }, { id: "b" }] });
  });

  it("writes an empty head and an empty list as valid JSON too", () => {
    expect(JSON.parse([...jsonPieces({}, "tests", [])].join(""))).toEqual({ tests: [] });
  });

  it("cuts a long list into pieces of about a mebibyte, reading the items one at a time", () => {
    let read = 0;
    function* items() {
      for (let i = 0; i < 30_000; i++) {
        read++;
        yield { id: i, name: "x".repeat(100) };
      }
    }
    const pieces = jsonPieces({ version: 1 }, "tests", items());
    const first = pieces.next();
    // The first piece is out before most items were read.
    expect(read).toBeLessThan(30_000);
    const rest = [...pieces];
    expect(rest.length).toBeGreaterThan(1);
    for (const piece of [first.value ?? "", ...rest]) expect(piece.length).toBeLessThan(2 * 2 ** 20);
    expect(JSON.parse([first.value, ...rest].join("")).tests).toHaveLength(30_000);
  });
});
