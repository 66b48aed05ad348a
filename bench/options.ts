// Command-line options of `npm run bench:junit`, read and validated in one place.

import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Report sizes in MB (10^6 bytes). */
  readonly sizesMb: readonly number[];
  /** Runs per parser and file; the fastest counts. */
  readonly repeat: number;
  readonly regenerate: boolean;
  readonly timeoutMs: number;
}

export const USAGE =
  "usage: npm run bench:junit -- [--sizes 10,100,1000] [--repeat N] [--timeout-minutes M] [--regenerate]";

function positiveNumber(option: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${option}: expected a positive ${integer ? "integer" : "number"}, got "${text}"`);
  }
  return value;
}

export function parseOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: "string", default: "10,100,1000" },
      repeat: { type: "string", default: "1" },
      "timeout-minutes": { type: "string", default: "10" },
      regenerate: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const sizesMb = values.sizes.split(",").map((size) => positiveNumber("sizes", size.trim(), false));
  return {
    sizesMb: [...new Set(sizesMb)].sort((a, b) => a - b),
    repeat: positiveNumber("repeat", values.repeat, true),
    regenerate: values.regenerate,
    timeoutMs: positiveNumber("timeout-minutes", values["timeout-minutes"], false) * 60_000,
  };
}
