// `seamwatch upload`: a run report (`seamwatch run --json`, the action's report-path) or raw JUnit XML to the
// dashboard, from any CI. The same client as the action (upload/): retries with backoff, safe to repeat.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { CiContext, CiOverrides } from "../core/ci/index.ts";
import { readCiContext } from "../runner/ci-context.ts";
import { findJunitFiles } from "../runner/report-files.ts";
import {
  type DashboardConnection,
  type UploadedRun,
  uploadJunitFiles,
  uploadRunReport,
} from "../upload/dashboard-client.ts";
import { normalizeServerUrl, UPLOAD_SETTINGS } from "../upload/settings.ts";
import { CI_FLAGS, CI_FLAGS_HEADING, readCiOverrides } from "./ci-flags.ts";
import type { CommandIo } from "./command-io.ts";
import { EXIT, UsageError } from "./exit-codes.ts";
import { optionLines } from "./help-text.ts";

const S = UPLOAD_SETTINGS;

export const UPLOAD_USAGE = `Usage: seamwatch upload [options] <report.json>
       seamwatch upload [options] --junit <glob>... [ci flags]

Sends a run report (seamwatch run --json, the action's report-path) or raw JUnit XML to a seamwatch
dashboard. Network errors, 429 and 5xx answers are retried with backoff; sending the same run again stores
it once. Prints the run's page on the dashboard.

Options:
${optionLines(S.serverUrl.flag, S.serverUrl.help)}
${optionLines(S.serverToken.flag, S.serverToken.help)}
  --junit <glob>                   send JUnit XML instead of a run report (repeatable; ! excludes)
${optionLines(S.failOnUploadError.flag, S.failOnUploadError.help)}
  -h, --help                       show this help

${CI_FLAGS_HEADING}
(with --junit, the repository, commit and branch are required, detected or given)
${CI_FLAGS.map((flag) => optionLines(`--${flag.name} ${flag.placeholder}`, flag.help)).join("\n")}

Exit codes: 0 uploaded (or not, with a warning), 2 a report file missing or no JUnit matched, 4 not
uploaded with --fail-on-upload-error, 64 bad usage.`;

export async function runUploadCommand(args: readonly string[], io: CommandIo): Promise<number> {
  let values: Record<string, string | string[] | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        server: { type: "string" },
        token: { type: "string" },
        junit: { type: "string", multiple: true },
        "fail-on-upload-error": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        ...Object.fromEntries(CI_FLAGS.map((flag) => [flag.name, { type: "string" as const }])),
      },
    }) as { values: Record<string, string | string[] | boolean | undefined>; positionals: string[] });
  } catch (cause) {
    return usage(io, (cause as Error).message);
  }
  if (values.help) {
    io.stdout(`${UPLOAD_USAGE}\n`);
    return EXIT.ok;
  }
  let connection: DashboardConnection;
  let overrides: CiOverrides;
  try {
    connection = readConnection(values, process.env);
    overrides = readCiOverrides(values);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  const junit = (values.junit as string[] | undefined) ?? [];
  if (junit.length > 0 && positionals.length > 0) {
    return usage(io, "give either a run report or --junit, not both");
  }
  if (junit.length === 0 && positionals.length !== 1) {
    return usage(io, "give one run report file (seamwatch upload report.json), or --junit <glob>");
  }
  const failOnUploadError = values["fail-on-upload-error"] === true;
  const context = {
    log: (line: string) => io.stderr(`seamwatch: ${line}\n`),
    userAgent: "seamwatch-cli",
  };

  let send: () => Promise<UploadedRun>;
  if (junit.length > 0) {
    const found = await findJunitFiles(junit, io.cwd);
    for (const pattern of found.unmatched)
      io.stderr(`seamwatch upload: warning: ${pattern} matched no file\n`);
    if (found.paths.length === 0) {
      io.stderr(`seamwatch upload: no JUnit file matched ${junit.join(" ")}\n`);
      return EXIT.unreadableReport;
    }
    const ci = readCiContext({
      env: process.env,
      overrides,
      warn: (message) => io.stderr(`seamwatch upload: warning: ${message}\n`),
    });
    const missing = requiredForJunit(ci);
    if (missing.length > 0) {
      return usage(
        io,
        `--junit needs to know ${missing.map((flag) => `--${flag}`).join(", ")}: the CI did not say, give them`,
      );
    }
    const paths = found.paths.map((path) => resolve(io.cwd, path));
    // Fixed now, so that every retry of this upload is the same upload.
    const startedAt = new Date().toISOString();
    send = () =>
      uploadJunitFiles(
        connection,
        paths,
        {
          project: ci.repository as string,
          commit: ci.commitSha as string,
          branch: ci.branch as string,
          run: ci.runId,
          attempt: ci.runAttempt,
          job: ci.jobKey ?? ci.job,
          workflow: ci.workflow,
          pr: ci.pullRequest,
          url: ci.runUrl,
          defaultBranch: ci.defaultBranch,
          startedAt,
          provider: ci.provider,
        },
        context,
      );
  } else {
    const path = resolve(io.cwd, positionals[0] as string);
    send = () => uploadRunReport(connection, path, context);
    try {
      if (!statSync(path).isFile()) throw new Error("not a file");
    } catch {
      io.stderr(`seamwatch upload: cannot read the run report ${path}\n`);
      return EXIT.unreadableReport;
    }
  }
  return reportUpload(io, send, failOnUploadError);
}

/** Sends, prints the run's page (stdout) or the warning (stderr); the exit code under the failure policy. */
export async function reportUpload(
  io: CommandIo,
  send: () => Promise<UploadedRun>,
  failOnUploadError: boolean,
): Promise<number> {
  try {
    const uploaded = await send();
    io.stderr(
      `seamwatch: ${uploaded.duplicate ? "already on the dashboard" : "uploaded to the dashboard"}\n`,
    );
    io.stdout(`${uploaded.url}\n`);
    return EXIT.ok;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`seamwatch: warning: not uploaded to the dashboard: ${reason}\n`);
    return failOnUploadError ? EXIT.uploadFailed : EXIT.ok;
  }
}

/** The server and token from the flags, else the environment; a UsageError names what is missing. */
export function readConnection(
  values: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv,
): DashboardConnection {
  const serverText = (values.server as string | undefined)?.trim() || env[S.serverUrl.env]?.trim() || "";
  if (serverText === "") {
    throw new UsageError(`give the dashboard with --server <url> (or ${S.serverUrl.env})`);
  }
  let serverUrl: string;
  try {
    serverUrl = normalizeServerUrl(serverText);
  } catch (error) {
    throw new UsageError(`--server ${(error as Error).message}, got ${JSON.stringify(serverText)}`);
  }
  const token = (values.token as string | undefined)?.trim() || env[S.serverToken.env]?.trim() || "";
  if (token === "") {
    throw new UsageError(
      `give the project's upload token with --token or ${S.serverToken.env} (seamwatch token create)`,
    );
  }
  return { serverUrl, token };
}

function requiredForJunit(ci: CiContext): string[] {
  const missing: string[] = [];
  if (!ci.repository) missing.push("repository");
  if (!ci.commitSha) missing.push("commit");
  if (!ci.branch) missing.push("branch");
  return missing;
}

function usage(io: CommandIo, message: string): number {
  io.stderr(`seamwatch upload: ${message}\n\n${UPLOAD_USAGE}\n`);
  return EXIT.usage;
}
