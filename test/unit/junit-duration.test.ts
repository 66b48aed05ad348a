import { expect, it } from "vitest";
import { parseSecondsToMs } from "../../core/junit/duration.ts";

it.each([
  ["0.249", 249],
  ["12", 12_000],
  ["0.000", 0],
  ["1,234.5", 1_234_500],
  ["12,345", 12_345_000],
  ["0,25", 250],
  ["1.5E-4", 0.15],
  ["2e1", 20_000],
  ["", 0],
  ["  2 ", 2000],
  ["abc", 0],
  ["-1", 0],
  ["Infinity", 0],
  [".5", 500],
  ["0.1234567", 123.457],
  [undefined, 0],
])("reads the time %j as %d ms", (raw, ms) => {
  expect(parseSecondsToMs(raw)).toBe(ms);
});
