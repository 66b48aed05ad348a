// Fixture JUnit reports read through the real streaming parser, for tests of what the dashboard stores.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type JunitFile, JunitParser } from "../../../core/junit/index.ts";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/junit/", import.meta.url));

/** A fixture report, by its path under test/fixtures/junit/. */
export function readFixture(path: string): JunitFile {
  return parseXml(path, readFileSync(`${FIXTURES}${path}`));
}

export function parseXml(path: string, xml: string | Uint8Array): JunitFile {
  const parser = new JunitParser({ path, collectTestCases: true });
  parser.write(typeof xml === "string" ? Buffer.from(xml) : xml);
  return parser.end();
}
