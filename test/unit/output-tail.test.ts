// The bounded tail of a command's output that the classifier reads.
import { describe, expect, it } from "vitest";
import { OutputTail } from "../../runner/output-tail.ts";

describe("OutputTail", () => {
  it("joins lines split across chunks and multi-byte characters split across chunks, per stream", () => {
    const tail = new OutputTail();
    const euro = Buffer.from("€");
    tail.write(Buffer.from("conn"), "stdout");
    tail.write(Buffer.from("warning: slow\n"), "stderr");
    tail.write(Buffer.concat([Buffer.from("ect ECONNREFUSED "), euro.subarray(0, 1)]), "stdout");
    tail.write(Buffer.concat([euro.subarray(1), Buffer.from("\r\nlast")]), "stdout");
    expect(tail.end()).toEqual(["warning: slow", "connect ECONNREFUSED €", "last"]);
  });

  it("keeps only the last lines within the line, byte and line-length limits", () => {
    const tail = new OutputTail({ maxLines: 3, maxBytes: 1000, maxLineLength: 5 });
    for (let i = 0; i < 10; i++) tail.write(Buffer.from(`line ${i} is long\n`), "stdout");
    expect(tail.end()).toEqual(["line ", "line ", "line "]);
    const byBytes = new OutputTail({ maxLines: 100, maxBytes: 12, maxLineLength: 100 });
    byBytes.write(Buffer.from("aaaa\nbbbb\ncccc\n"), "stdout");
    expect(byBytes.end()).toEqual(["bbbb", "cccc"]);
  });
});
