// Writes the benchmark's JUnit reports, streaming: a 1 GB report must not be built in memory first, or the
// generator would hit the very string-length and heap limits the benchmark shows the whole-document parsers hit.
// A sidecar JSON next to each report records what was written, so a finished report is reused (and checked
// against by the parsers' counts) and a half-written one is never mistaken for a finished one.

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { REPORT_FOOTER, REPORT_HEADER, suiteXml } from "./junit-content.ts";
import { createRandom } from "./prng.ts";

/** Bump when the content changes, so reports written by an older generator are not reused. */
const GENERATOR_VERSION = 2;
const SEED = 0x5ea3_3a7c;
/** Big enough that write() calls cost nothing, small enough to keep the generator's memory flat. */
const CHUNK_CHARS = 1 << 20;
export const BYTES_PER_MB = 1_000_000;

export interface GeneratedReport {
  readonly path: string;
  readonly bytes: number;
  readonly testCases: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

interface Sidecar extends GeneratedReport {
  readonly generatorVersion: number;
  readonly targetMb: number;
}

export interface EnsuredReport extends GeneratedReport {
  /** The size asked for; the report is a little larger, ending on a whole suite. */
  readonly targetMb: number;
  /** Null when an existing report was reused. */
  readonly generatedSeconds: number | null;
}

function reportPath(dir: string, sizeMb: number): string {
  return join(dir, `junit-${sizeMb}mb.v${GENERATOR_VERSION}.xml`);
}

async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    return JSON.parse(await readFile(`${path}.json`, "utf8")) as Sidecar;
  } catch {
    return null; // missing or unreadable: the report is generated again
  }
}

async function isReusable(path: string, sizeMb: number): Promise<GeneratedReport | null> {
  const sidecar = await readSidecar(path);
  if (sidecar?.generatorVersion !== GENERATOR_VERSION || sidecar.targetMb !== sizeMb) return null;
  const size = await stat(path).then(
    (stats) => stats.size,
    () => -1,
  );
  return size === sidecar.bytes ? sidecar : null;
}

async function write(stream: WriteStream, chunk: string): Promise<number> {
  const bytes = Buffer.from(chunk, "utf8");
  // Honour backpressure: wait for the kernel to take what is queued before producing more.
  if (!stream.write(bytes)) await once(stream, "drain");
  return bytes.length;
}

/** Streams suites into `path` until it holds at least `targetBytes`; returns what it wrote. */
export async function writeReport(path: string, targetBytes: number): Promise<GeneratedReport> {
  const stream = createWriteStream(path);
  const random = createRandom(SEED);
  const totals = { bytes: 0, testCases: 0, failures: 0, errors: 0, skipped: 0 };
  let pending = REPORT_HEADER;
  let pendingBytes = Buffer.byteLength(pending);
  // Stopping once the target is reached overshoots it by at most one suite (~100 KB) and the footer.
  for (let suiteIndex = 0; totals.bytes + pendingBytes < targetBytes; suiteIndex++) {
    const suite = suiteXml(random, suiteIndex);
    totals.testCases += suite.testCases;
    totals.failures += suite.failures;
    totals.errors += suite.errors;
    totals.skipped += suite.skipped;
    pending += suite.xml;
    pendingBytes += Buffer.byteLength(suite.xml);
    if (pending.length >= CHUNK_CHARS) {
      totals.bytes += await write(stream, pending);
      pending = "";
      pendingBytes = 0;
    }
  }
  totals.bytes += await write(stream, pending + REPORT_FOOTER);
  stream.end();
  await finished(stream);
  return { path, ...totals };
}

/** Returns the report of about `sizeMb` MB in `dir`, generating it unless a finished one is there. */
export async function ensureReport(dir: string, sizeMb: number, regenerate: boolean): Promise<EnsuredReport> {
  const path = reportPath(dir, sizeMb);
  const existing = regenerate ? null : await isReusable(path, sizeMb);
  if (existing) return { ...existing, path, targetMb: sizeMb, generatedSeconds: null };

  await mkdir(dir, { recursive: true });
  await rm(`${path}.json`, { force: true });
  const started = performance.now();
  const partial = `${path}.partial`;
  const report = await writeReport(partial, sizeMb * BYTES_PER_MB);
  await rename(partial, path);
  const sidecar: Sidecar = { ...report, path, generatorVersion: GENERATOR_VERSION, targetMb: sizeMb };
  await writeFile(`${path}.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
  return { ...sidecar, generatedSeconds: (performance.now() - started) / 1000 };
}
