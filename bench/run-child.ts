// Runs one measurement in a child process and turns however it ended into a Measurement: a parser that throws,
// runs out of memory or hangs is a result to report, not a crash of the benchmark.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ChildReport, Measurement } from "./measurement.ts";
import type { MeasuredName } from "./parsers.ts";

const CHILD_SOURCE = fileURLToPath(new URL("./measure-parser.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD_BUNDLE = fileURLToPath(new URL("../.bench/measure-parser.mjs", import.meta.url));

let bundled: Promise<void> | undefined;

/**
 * The child runs as one plain JavaScript bundle, as the shipped CLI does: loading TypeScript through tsx
 * would add its own ~35 MiB to every peak RSS and its transform time to every parser alike.
 */
function bundleChild(): Promise<void> {
  bundled ??= build({
    entryPoints: [CHILD_SOURCE],
    outfile: CHILD_BUNDLE,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: {
      js: "import { createRequire as benchCreateRequire } from 'node:module'; const require = benchCreateRequire(import.meta.url);",
    },
    logLevel: "warning",
  }).then(() => undefined);
  return bundled;
}
/** Enough of stderr to recognise V8's out-of-memory report and quote its last line. */
const STDERR_TAIL_CHARS = 8192;

interface ChildExit {
  readonly stdout: string;
  readonly stderrTail: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
}

async function runChild(parser: MeasuredName, path: string, timeoutMs: number): Promise<ChildExit> {
  await bundleChild();
  const child = spawn(process.execPath, [CHILD_BUNDLE, parser, path], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderrTail = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARS);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  try {
    const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
    return { stdout, stderrTail, code, signal, timedOut };
  } finally {
    clearTimeout(timer);
  }
}

function parseChildReport(stdout: string): ChildReport | null {
  const lastLine = stdout.trimEnd().split("\n").pop() ?? "";
  try {
    return JSON.parse(lastLine) as ChildReport;
  } catch {
    return null;
  }
}

/** The exit code a shell would show: a process killed by signal N exits with 128 + N. */
function shellExitCode(exit: ChildExit): number | string {
  if (exit.code !== null) return exit.code;
  const number = exit.signal ? constants.signals[exit.signal] : undefined;
  return number === undefined ? String(exit.signal) : 128 + number;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .pop() ?? ""
  );
}

/** Parser errors span lines (xml2js adds "Line: / Column: / Char:"); a table cell needs one. */
function oneLine(message: string): string {
  const text = message.replace(/\s*\n\s*/g, "; ").trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function describeCrash(exit: ChildExit): string {
  const code = shellExitCode(exit);
  if (/heap out of memory|Allocation failed|Cannot allocate memory/i.test(exit.stderrTail)) {
    return `out of memory (exit code ${code})`;
  }
  const detail = lastLine(exit.stderrTail);
  return `crashed (exit code ${code})${detail ? `: ${detail}` : ""}`;
}

export async function measureInChild(
  parser: MeasuredName,
  path: string,
  timeoutMs: number,
): Promise<Measurement> {
  const exit = await runChild(parser, path, timeoutMs);
  if (exit.timedOut) return { ok: false, reason: `timed out after ${Math.round(timeoutMs / 1000)} s` };
  const report = parseChildReport(exit.stdout);
  if (report === null) return { ok: false, reason: describeCrash(exit) };
  if (!report.ok) return { ok: false, reason: `failed: ${oneLine(report.error)}` };
  return report;
}
