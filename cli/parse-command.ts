// `seamwatch parse <glob or file>...`: reads JUnit reports and prints a summary or one JSON document.

import { parseArgs } from "node:util";
import { addCounts, emptyCounts, type JunitFile } from "../core/junit/index.ts";
import {
  describeFileError,
  jsonPieces,
  renderParseSummary,
  toJsonFile,
  toJsonTestCase,
  toJsonTotals,
} from "../core/report/index.ts";
import { readJunitFile } from "../runner/read-junit.ts";
import { findJunitFiles } from "../runner/report-files.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";

export const PARSE_USAGE = `Usage: seamwatch parse [options] <glob or file>...

Reads JUnit XML reports (any dialect, any size) and prints per-file and overall counts, the failed
tests, the setup failures (entries a tool wrote for a class or file that failed, not tests) and the flaky
tests. A pattern starting with ! excludes files, e.g. '!**/node_modules/**'.

Options:
  --json                  print one JSON document instead of the summary
  --no-testcases          keep only counts: no testcases array in --json, no test list in the summary
                          (for very large inputs: memory stays flat whatever the file size)
  --max-text-length <n>   keep at most n characters of each message, stack trace and output (default 65536)
  -h, --help              show this help

Exit codes: 0 every file parsed, 2 a file could not be read or parsed, 64 bad usage.`;

/** Failed and flaky tests listed in the human summary; more are counted but not listed. */
const MAX_LISTED = 500;

interface ParseFlags {
  readonly patterns: readonly string[];
  readonly json: boolean;
  readonly testcases: boolean;
  readonly maxTextLength: number | undefined;
}

/** What the arguments ask for: the help, or a parse with these flags. */
type ParseRequest = { readonly kind: "help" } | { readonly kind: "parse"; readonly flags: ParseFlags };

function readArguments(args: readonly string[]): ParseRequest {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        testcases: { type: "boolean", default: true },
        "max-text-length": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (cause) {
    throw new UsageError((cause as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: "help" };
  if (parsed.positionals.length === 0) throw new UsageError("give at least one JUnit file or glob pattern");
  const rawMax = values["max-text-length"] as string | undefined;
  let maxTextLength: number | undefined;
  if (rawMax !== undefined) {
    maxTextLength = Number(rawMax);
    if (!Number.isInteger(maxTextLength) || maxTextLength < 1) {
      throw new UsageError(`--max-text-length must be a positive whole number, got "${rawMax}"`);
    }
  }
  return {
    kind: "parse",
    flags: {
      patterns: parsed.positionals,
      json: values.json === true,
      testcases: values.testcases !== false,
      maxTextLength,
    },
  };
}

export async function runParseCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const request = readArguments(args);
  if (request.kind === "help") {
    io.stdout(`${PARSE_USAGE}\n`);
    return EXIT.ok;
  }
  const options = request.flags;
  const { paths, unmatched } = await findJunitFiles(options.patterns, io.cwd);
  if (paths.length === 0) {
    const tried = options.patterns.map((p) => `"${p}"`).join(", ");
    io.stderr(`seamwatch parse: no JUnit file matched ${tried} (in ${io.cwd})\n`);
    if (options.json)
      io.stdout(`${JSON.stringify({ files: [], totals: toJsonTotals(emptyCounts), testcases: [] })}\n`);
    return EXIT.unreadableReport;
  }
  for (const pattern of unmatched) io.stderr(`seamwatch parse: warning: no file matched "${pattern}"\n`);

  const files: JunitFile[] = [];
  for (const path of paths) {
    const file = await readJunitFile(path, {
      cwd: io.cwd,
      collectTestCases: options.testcases,
      maxTextLength: options.maxTextLength,
    });
    files.push(file);
    const error = describeFileError(file);
    if (error) io.stderr(`seamwatch parse: error: ${error}\n`);
  }
  const totals = files.reduce((sum, file) => addCounts(sum, file.counts), emptyCounts);

  if (options.json) {
    writeJson(io, files, totals, options.testcases);
  } else {
    io.stdout(renderParseSummary({ files, totals, maxListed: MAX_LISTED }));
  }
  return files.some((file) => file.error) ? EXIT.unreadableReport : EXIT.ok;
}

/** Writes the document in pieces so a million test cases never become one giant string. */
function writeJson(
  io: CommandIo,
  files: readonly JunitFile[],
  totals: JunitFile["counts"],
  testcases: boolean,
): void {
  const head = { files: files.map(toJsonFile), totals: toJsonTotals(totals) };
  if (!testcases) {
    io.stdout(`${JSON.stringify(head)}\n`);
    return;
  }
  for (const piece of jsonPieces(head, "testcases", jsonTestCases(files))) io.stdout(piece);
}

function* jsonTestCases(files: readonly JunitFile[]): Generator<unknown> {
  for (const file of files) {
    for (const suite of file.suites) {
      for (const testCase of suite.testCases) yield toJsonTestCase(testCase);
    }
  }
}
