// The parsers under comparison, each reduced to "count the test cases in this file". Libraries are imported
// only when a parser is loaded, so a child process measuring one parser holds no other parser in its RSS.

import { readFile } from "node:fs/promises";

export const PARSERS = ["seamwatch", "xml2js", "xml-js"] as const;
export type ParserName = (typeof PARSERS)[number];
/** `baseline` loads and parses nothing: the RSS of Node itself, which every other figure includes. */
export type MeasuredName = ParserName | "baseline";

export type CountTestCases = (path: string) => Promise<number>;

export function isMeasuredName(name: string | undefined): name is MeasuredName {
  return name === "baseline" || (PARSERS as readonly string[]).includes(name ?? "");
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Counts `testcase` elements under `testsuites`/`testsuite` the way the reporting actions walk the object.
 * Works for both object shapes: xml2js always makes arrays, xml-js's compact form makes an array only when an
 * element repeats.
 */
export function countTestCasesInObject(node: unknown): number {
  let count = 0;
  for (const item of asList(node)) {
    if (typeof item !== "object" || item === null) continue;
    const element = item as Record<string, unknown>;
    count += asList(element.testcase).length;
    count += countTestCasesInObject(element.testsuites) + countTestCasesInObject(element.testsuite);
  }
  return count;
}

async function loadSeamwatch(): Promise<CountTestCases> {
  const { readJunitFile } = await import("../runner/read-junit.ts");
  return async (path) => {
    const report = await readJunitFile(path, { collectTestCases: false });
    if (report.error) throw new Error(`parse error: ${report.error.message}`);
    return report.counts.tests;
  };
}

/**
 * Both whole-document parsers get the file as one string, as dorny/test-reporter, test-summary and
 * mikepenz/action-junit-report do: reading it is part of their cost, and where a large report first fails.
 */
async function readWholeFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // V8's bare "Invalid string length" does not say which limit was hit.
    const limit = cause instanceof RangeError ? " (V8 strings hold at most 2^29 - 24 characters)" : "";
    throw new Error(`reading the report into one string: ${message}${limit}`, { cause });
  }
}

async function loadXml2js(): Promise<CountTestCases> {
  const { parseStringPromise } = await import("xml2js");
  return async (path) => countTestCasesInObject(await parseStringPromise(await readWholeFile(path)));
}

async function loadXmlJs(): Promise<CountTestCases> {
  const { xml2js } = await import("xml-js");
  return async (path) => countTestCasesInObject(xml2js(await readWholeFile(path), { compact: true }));
}

export async function loadParser(name: MeasuredName): Promise<CountTestCases> {
  switch (name) {
    case "seamwatch":
      return loadSeamwatch();
    case "xml2js":
      return loadXml2js();
    case "xml-js":
      return loadXmlJs();
    case "baseline":
      return async () => 0;
  }
}
