// Where a body first stops being JSON, so the API can name the line and column.
import { describe, expect, it } from "vitest";
import { lineAndColumn, locateJsonError } from "../../web/lib/json-error.ts";

describe("locateJsonError", () => {
  it("points at the first character JSON does not allow", () => {
    const source = '{\n  "version": 2,\n  "tests": [,]\n}';
    expect(lineAndColumn(source, locateJsonError(source))).toEqual({ line: 3, column: 13 });
    expect(locateJsonError('{"a":1,}')).toBe(7);
    expect(locateJsonError('{"a" 1}')).toBe(5);
    expect(locateJsonError('{"a":[{"b":tru}]}')).toBe(11);
    expect(locateJsonError('{"a":"\\q"}')).toBe(6);
    expect(locateJsonError("[1] x")).toBe(4);
  });

  it("points past the end of a text that stops too early", () => {
    expect(locateJsonError("[1,2")).toBe(4);
    expect(locateJsonError('{"version": 2,')).toBe(14);
    expect(locateJsonError("")).toBe(0);
  });

  it("agrees with JSON.parse on what is valid", () => {
    const samples = [
      '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"],"b":{}}',
      "[]",
      " 0 ",
      '"text"',
      "[01]",
      "[1.]",
      '{"a":1}}',
      "[[[[[[[[[[]]]]]]]]]]",
      '{"a":"tab\there"}',
    ];
    for (const sample of samples) {
      let valid = true;
      try {
        JSON.parse(sample);
      } catch {
        valid = false;
      }
      expect(locateJsonError(sample) === -1, sample).toBe(valid);
    }
  });
});
