// `seamwatch run`'s flags for the JSON report's `ci` block: one per field, each setting or overriding what
// core/ci detects from the environment. Declared once here: the parser's options, the checks and the help
// are all read from this table.
import { type CiContext, type CiOverrides, type CiProvider, ciProviders } from "../core/ci/index.ts";
import { UsageError } from "./exit-codes.ts";

type CiField = keyof CiContext;

export interface CiFlag<F extends CiField = CiField> {
  /** Without its dashes. */
  readonly name: string;
  readonly field: F;
  /** Shown after the flag in the help. */
  readonly placeholder: string;
  /** One entry a line. */
  readonly help: readonly string[];
  /** The field's value from the flag's text; throws a UsageError naming the flag. Empty text is handled before. */
  readonly read: (text: string, flag: string) => NonNullable<CiContext[F]>;
}

const asText = (text: string) => text;
// The contract's branches carry no refs/heads/; a full ref given here is still meant as its branch.
const asBranch = (text: string) => text.replace(/^refs\/heads\//, "");

function asProvider(text: string, flag: string): CiProvider {
  if (!(ciProviders as readonly string[]).includes(text)) {
    throw new UsageError(`${flag} must be one of ${ciProviders.join(", ")}, got ${JSON.stringify(text)}`);
  }
  return text as CiProvider;
}

function asPositiveInteger(text: string, flag: string): number {
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a whole number from 1 up, got ${JSON.stringify(text)}`);
  }
  return number;
}

function asCommitSha(text: string, flag: string): string {
  // The dashboard matches runs of one commit by SHA: a short SHA or a branch name would never match.
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(text)) {
    throw new UsageError(
      `${flag} must be the commit's full SHA (40 or 64 hex digits), got ${JSON.stringify(text)}`,
    );
  }
  return text.toLowerCase();
}

function asRepository(text: string, flag: string): string {
  if (!/^[^\s/]+(?:\/[^\s/]+)+$/.test(text)) {
    throw new UsageError(`${flag} must name the repository as org/repo, got ${JSON.stringify(text)}`);
  }
  return text;
}

function asUrl(text: string, flag: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new UsageError(`${flag} must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  return text;
}

function flag<F extends CiField>(entry: CiFlag<F>): CiFlag<F> {
  return entry;
}

/** The help's heading of these flags. */
export const CI_FLAGS_HEADING = `Where the run ran, for the ci block of --json. Detected on GitHub Actions, GitLab CI, Buildkite,
CircleCI and Jenkins; a flag sets its field or overrides the detected value, an empty value clears it:`;

/** In the order of the report's `ci` block. */
export const CI_FLAGS: readonly CiFlag[] = [
  flag({
    name: "ci-provider",
    field: "provider",
    placeholder: "<name>",
    help: [`the CI: ${ciProviders.join(", ")}`],
    read: asProvider,
  }),
  flag({
    name: "repository",
    field: "repository",
    placeholder: "<org/repo>",
    help: ["the repository (the dashboard's project)"],
    read: asRepository,
  }),
  flag({
    name: "commit",
    field: "commitSha",
    placeholder: "<sha>",
    help: ["full SHA of the commit tested (a PR's head)"],
    read: asCommitSha,
  }),
  flag({
    name: "branch",
    field: "branch",
    placeholder: "<name>",
    help: ["branch tested (a PR's head branch)"],
    read: asBranch,
  }),
  flag({
    name: "ref",
    field: "ref",
    placeholder: "<ref>",
    help: ["full ref, e.g. refs/tags/v1"],
    read: asText,
  }),
  flag({
    name: "default-branch",
    field: "defaultBranch",
    placeholder: "<name>",
    help: ["the repository's default branch"],
    read: asBranch,
  }),
  flag({
    name: "base-branch",
    field: "baseBranch",
    placeholder: "<name>",
    help: ["the pull/merge request's target branch"],
    read: asBranch,
  }),
  flag({
    name: "pull-request",
    field: "pullRequest",
    placeholder: "<n>",
    help: ["the pull/merge request's number"],
    read: asPositiveInteger,
  }),
  flag({
    name: "workflow",
    field: "workflow",
    placeholder: "<name>",
    help: ["workflow or pipeline name"],
    read: asText,
  }),
  flag({ name: "job", field: "job", placeholder: "<name>", help: ["job name"], read: asText }),
  flag({
    name: "job-key",
    field: "jobKey",
    placeholder: "<key>",
    help: ["tells jobs of one run apart, e.g. the matrix values"],
    read: asText,
  }),
  flag({
    name: "run-id",
    field: "runId",
    placeholder: "<id>",
    help: [
      "the CI's id of the run; on a CI without attempts, one",
      "new for each retry of the job (GitLab: the job id)",
    ],
    read: asText,
  }),
  flag({
    name: "run-attempt",
    field: "runAttempt",
    placeholder: "<n>",
    help: ["re-run attempt of that run, from 1"],
    read: asPositiveInteger,
  }),
  flag({ name: "run-url", field: "runUrl", placeholder: "<url>", help: ["link to the CI run"], read: asUrl }),
];

/**
 * The overrides the flags give, from parseArgs' values (each flag by its name). A flag not given is left
 * out; an empty one is null, except the provider, which is never null.
 */
export function readCiOverrides(values: Readonly<Record<string, unknown>>): CiOverrides {
  const overrides: Record<string, unknown> = {};
  for (const entry of CI_FLAGS) {
    const raw = values[entry.name];
    if (typeof raw !== "string") continue;
    const text = raw.trim();
    const flagName = `--${entry.name}`;
    overrides[entry.field] = text === "" && entry.field !== "provider" ? null : entry.read(text, flagName);
  }
  return overrides as CiOverrides;
}
