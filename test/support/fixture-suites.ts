// Shared by the tests that run the fixture suites of test/fixtures/suites/ (through runSuite or the CLI).
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const suitesDir = new URL("../fixtures/suites/", import.meta.url).pathname;

export const NODE = JSON.stringify(process.execPath);
export const REPORTERS =
  "--test-reporter=junit --test-reporter-destination=junit.xml --test-reporter=spec --test-reporter-destination=stdout";
/** Node's runner with one process per test file, as projects usually run it, writing junit.xml. */
export const nodeTest = (files: string) => `${NODE} --test ${REPORTERS} ${files}`;

/** A fresh copy of a fixture suite in a temp directory: nothing runs in place. */
export function copySuite(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `seamwatch-suite-${name}-`));
  cpSync(join(suitesDir, name), dir, { recursive: true });
  return dir;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A zombie (dead, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}
