// Every input of the action is read and validated here, once. Nothing else calls core.getInput: the rest
// of the action works from the typed `ActionInputs` this returns.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { buildRules, compilePatterns } from "../core/classify/index.ts";
import {
  CacheKeyError,
  checkKeyPrefix,
  defaultKeyPrefix,
  type ImageFreshness,
  parseImageFreshness,
  type SaveMode,
  saveModes,
} from "../core/images/index.ts";
import { FAIL_ON, type FailOn } from "../runner/fail-on.ts";
import type { SuiteSettings } from "../runner/run-suite.ts";
import { RUN_SETTINGS, retryDelayMs } from "../runner/settings.ts";
import { checkShell, ShellError } from "../runner/shell-command.ts";
import { normalizeServerUrl, UPLOAD_SETTINGS } from "../upload/settings.ts";

/** Input names as action.yml declares them. */
export const INPUT = {
  run: "run",
  workingDirectory: "working-directory",
  shell: RUN_SETTINGS.shell.input,
  junit: RUN_SETTINGS.junit.input,
  maxAttempts: RUN_SETTINGS.maxAttempts.input,
  retryDelaySeconds: RUN_SETTINGS.retryDelaySeconds.input,
  attemptTimeoutMinutes: RUN_SETTINGS.attemptTimeoutMinutes.input,
  infraPatterns: RUN_SETTINGS.infraPatterns.input,
  testPatterns: RUN_SETTINGS.testPatterns.input,
  slowTestSeconds: RUN_SETTINGS.slowTestSeconds.input,
  comment: "comment",
  commentKey: "comment-key",
  matrix: "matrix",
  githubToken: "github-token",
  failOn: RUN_SETTINGS.failOn.input,
  images: "images",
  cacheImages: "cache-images",
  cacheKeyPrefix: "cache-key-prefix",
  cacheReadOnly: "cache-read-only",
  cacheMaxGb: "cache-max-gb",
  serverUrl: UPLOAD_SETTINGS.serverUrl.input,
  serverToken: UPLOAD_SETTINGS.serverToken.input,
  failOnUploadError: UPLOAD_SETTINGS.failOnUploadError.input,
  regressionPercent: UPLOAD_SETTINGS.regressionPercent.input,
  regressionMinSeconds: UPLOAD_SETTINGS.regressionMinSeconds.input,
  imageFreshness: "image-freshness",
} as const;

export type InputName = (typeof INPUT)[keyof typeof INPUT];

export const COMMENT_MODES = ["auto", "always", "off"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

export { FAIL_ON, type FailOn };

/**
 * Defaults, also written in action.yml (a test keeps the two equal); used when an input is empty. Those the
 * CLI shares come from its table of run settings.
 */
export const DEFAULTS = {
  shell: RUN_SETTINGS.shell.default,
  junit: RUN_SETTINGS.junit.default,
  maxAttempts: RUN_SETTINGS.maxAttempts.default,
  slowTestSeconds: RUN_SETTINGS.slowTestSeconds.default,
  comment: "auto",
  failOn: RUN_SETTINGS.failOn.default,
  cacheImages: "auto",
  cacheReadOnly: false,
  cacheMaxGb: 10,
  failOnUploadError: UPLOAD_SETTINGS.failOnUploadError.default,
  regressionPercent: UPLOAD_SETTINGS.regressionPercent.default,
  regressionMinSeconds: UPLOAD_SETTINGS.regressionMinSeconds.default,
  imageFreshness: "check",
} as const satisfies Record<string, unknown>;

export interface ActionInputs {
  /** `run`, `working-directory`, `shell`, `junit`, the retry inputs and the patterns. */
  readonly suite: SuiteSettings;
  readonly slowTestSeconds: number;
  readonly comment: CommentMode;
  readonly commentKey: string;
  readonly githubToken: string;
  readonly failOn: FailOn;
  readonly imageCache: ImageCacheInputs;
  readonly dashboard: DashboardInputs;
}

export interface DashboardInputs {
  /** Without a trailing slash; null: no dashboard (nothing is uploaded, no history in the comment). */
  readonly serverUrl: string | null;
  /** "" with OIDC: the action then asks GitHub for a token whose audience is `serverUrl`. */
  readonly serverToken: string;
  readonly failOnUploadError: boolean;
  readonly regressionPercent: number;
  readonly regressionMinSeconds: number;
}

export interface ImageCacheInputs {
  /** Image references to restore or pull before the run, in the order given. */
  readonly listed: readonly string[];
  readonly mode: SaveMode;
  readonly prefix: string;
  readonly readOnly: boolean;
  /** `cache-max-gb` in bytes (decimal GB, as Docker and GitHub count them). */
  readonly maxBytes: number;
  /** `image-freshness`: whether cached tags are checked against their registries, and when. */
  readonly freshness: ImageFreshness;
}

/** An input that cannot be used as given. The message names the input and the value. */
export class InputError extends Error {
  readonly inputName: InputName;
  readonly value: string;

  constructor(inputName: InputName, value: string, problem: string, options?: { cause?: unknown }) {
    super(`Input "${inputName}" ${problem}${value === "" ? "" : `, got ${JSON.stringify(value)}`}.`, options);
    this.name = "InputError";
    this.inputName = inputName;
    this.value = value;
  }
}

export interface GetInputsOptions {
  /**
   * Reads one input, trimmed, "" when unset. Defaults to core.getInput. A value that is still an unevaluated
   * `${{ … }}` expression counts as unset.
   */
  readonly read?: (name: InputName) => string;
  /** Where GITHUB_WORKSPACE, GITHUB_JOB and GITHUB_WORKFLOW come from. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Reads and validates every input. Throws `InputError` (or core/classify's `PatternError` for a bad regular
 * expression), each naming the input and the bad value.
 */
export function getInputs(options: GetInputsOptions = {}): ActionInputs {
  const read = withoutExpressions(options.read ?? ((name: InputName) => core.getInput(name)));
  const env = options.env ?? process.env;

  const run = read(INPUT.run);
  if (run === "") throw new InputError(INPUT.run, "", "is required: give the command that runs the tests");

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectoryText = read(INPUT.workingDirectory);
  const workingDirectory = resolve(workspace, workingDirectoryText || ".");
  if (!isDirectory(workingDirectory)) {
    throw new InputError(
      INPUT.workingDirectory,
      workingDirectoryText,
      `must name an existing directory (resolved to ${workingDirectory})`,
    );
  }

  const shell = read(INPUT.shell) || DEFAULTS.shell;
  try {
    checkShell(shell);
  } catch (cause) {
    if (!(cause instanceof ShellError)) throw cause;
    throw new InputError(INPUT.shell, shell, 'must be "bash", "sh" or a command template with {0}', {
      cause,
    });
  }
  const junitPatterns = lines(read(INPUT.junit));
  const maxAttempts = readInteger(read, INPUT.maxAttempts, DEFAULTS.maxAttempts, 1);
  const retryDelaySeconds = readNumber(read, INPUT.retryDelaySeconds, null);
  const attemptTimeoutMinutes = readNumber(read, INPUT.attemptTimeoutMinutes, null);
  if (attemptTimeoutMinutes === 0) {
    throw new InputError(
      INPUT.attemptTimeoutMinutes,
      read(INPUT.attemptTimeoutMinutes),
      "must be more than 0 (leave it empty for no timeout)",
    );
  }
  const infraPatterns = compilePatterns(INPUT.infraPatterns, read(INPUT.infraPatterns));
  const testPatterns = compilePatterns(INPUT.testPatterns, read(INPUT.testPatterns));

  const commentKeyText = read(INPUT.commentKey);
  if (/[\r\n]|-->/.test(commentKeyText)) {
    throw new InputError(INPUT.commentKey, commentKeyText, "must be one line without `-->`");
  }

  return Object.freeze({
    suite: Object.freeze({
      command: run,
      shell,
      cwd: workingDirectory,
      junitPatterns: Object.freeze(junitPatterns.length > 0 ? junitPatterns : [...DEFAULTS.junit]),
      maxAttempts,
      retryDelayMs: retryDelayMs(retryDelaySeconds),
      attemptTimeoutMs: attemptTimeoutMinutes === null ? null : Math.round(attemptTimeoutMinutes * 60_000),
      rules: buildRules({ infraPatterns, testPatterns }),
    }),
    slowTestSeconds: readNumber(read, INPUT.slowTestSeconds, DEFAULTS.slowTestSeconds),
    comment: readChoice(read, INPUT.comment, COMMENT_MODES, DEFAULTS.comment),
    commentKey:
      commentKeyText ||
      deriveCommentKey({
        workflow: env.GITHUB_WORKFLOW ?? "",
        job: env.GITHUB_JOB ?? "",
        matrix: readMatrix(read),
      }),
    githubToken: read(INPUT.githubToken),
    failOn: readChoice(read, INPUT.failOn, FAIL_ON, DEFAULTS.failOn),
    imageCache: readImageCacheInputs(read),
    dashboard: readDashboardInputs(read),
  });
}

function readDashboardInputs(read: (name: InputName) => string): DashboardInputs {
  const serverText = read(INPUT.serverUrl);
  let serverUrl: string | null = null;
  if (serverText !== "") {
    try {
      serverUrl = normalizeServerUrl(serverText);
    } catch (cause) {
      throw new InputError(INPUT.serverUrl, serverText, (cause as Error).message, { cause });
    }
  }
  const regressionPercent = readNumber(read, INPUT.regressionPercent, DEFAULTS.regressionPercent);
  return Object.freeze({
    serverUrl,
    serverToken: read(INPUT.serverToken),
    failOnUploadError: readBoolean(read, INPUT.failOnUploadError, DEFAULTS.failOnUploadError),
    regressionPercent,
    regressionMinSeconds: readNumber(read, INPUT.regressionMinSeconds, DEFAULTS.regressionMinSeconds),
  });
}

// The runner evaluates action.yml's defaults, such as `matrix`'s `${{ toJSON(matrix) }}`; tools that run an
// action locally (@github/local-action) hand the expression over as it is written.
const EXPRESSION = /^\$\{\{[\s\S]*\}\}$/;

function withoutExpressions(read: (name: InputName) => string): (name: InputName) => string {
  return (name) => {
    const value = read(name);
    if (!EXPRESSION.test(value)) return value;
    core.debug(`Input "${name}" is the unevaluated expression ${value}: treated as unset.`);
    return "";
  };
}

/** The environment a `run:` step would see: without the action's inputs, the token among them. */
export function withoutInputs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_")));
}

// A reference as Docker writes one: [registry[:port]/]path[:tag][@digest], no spaces or commas.
const IMAGE_REFERENCE = /^[a-z0-9][\w.\-/:@]*$/i;

function readImageCacheInputs(read: (name: InputName) => string): ImageCacheInputs {
  const listed = [...new Set(lines(read(INPUT.images)))];
  for (const reference of listed) {
    if (!IMAGE_REFERENCE.test(reference)) {
      throw new InputError(INPUT.images, reference, "must list image references, one per line");
    }
  }
  const prefixText = read(INPUT.cacheKeyPrefix);
  let prefix: string;
  try {
    prefix = checkKeyPrefix(prefixText || defaultKeyPrefix(process));
  } catch (cause) {
    if (!(cause instanceof CacheKeyError)) throw cause;
    throw new InputError(INPUT.cacheKeyPrefix, prefixText, `cannot start a cache key (${cause.message})`, {
      cause,
    });
  }
  const maxGb = readNumber(read, INPUT.cacheMaxGb, DEFAULTS.cacheMaxGb);
  if (maxGb === 0) throw new InputError(INPUT.cacheMaxGb, read(INPUT.cacheMaxGb), "must be more than 0");
  const freshnessText = read(INPUT.imageFreshness);
  const freshness = parseImageFreshness(freshnessText || DEFAULTS.imageFreshness);
  if (freshness.kind === "invalid")
    throw new InputError(INPUT.imageFreshness, freshnessText, freshness.reason);
  return Object.freeze({
    listed: Object.freeze(listed),
    mode: readChoice(read, INPUT.cacheImages, saveModes, DEFAULTS.cacheImages),
    prefix,
    readOnly: readBoolean(read, INPUT.cacheReadOnly, DEFAULTS.cacheReadOnly),
    maxBytes: Math.round(maxGb * 1e9),
    freshness: Object.freeze(freshness),
  });
}

// The YAML 1.2 core schema's booleans, as core.getBooleanInput accepts them.
function readBoolean(read: (name: InputName) => string, name: InputName, fallback: boolean): boolean {
  const text = read(name);
  if (text === "") return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  throw new InputError(name, text, "must be true or false");
}

/** Longest readable key; longer matrices are summarised by a hash instead. */
const MAX_READABLE_KEY = 100;

/**
 * The default `comment-key`: what GitHub shows as the check's name, `CI / test (20, ubuntu-latest)`, so that
 * each job of a matrix keeps its own comment and a re-run of the same job updates it.
 */
export function deriveCommentKey(context: {
  workflow: string;
  job: string;
  matrix: Record<string, unknown> | null;
}): string {
  const job = [context.workflow, context.job].filter(Boolean).join(" / ") || "seamwatch";
  const values = Object.values(context.matrix ?? {});
  if (values.length === 0) return safeKey(job);
  const texts = values.map((value) => (typeof value === "string" ? value : JSON.stringify(value)));
  const readable = `${job} (${texts.join(", ")})`;
  // The comment marker keeps only [A-Za-z0-9_.:/-] of a key: values with other characters could meet there.
  if (readable.length <= MAX_READABLE_KEY && texts.every((text) => /^[\w.:/-]+$/.test(text))) {
    return safeKey(readable);
  }
  const hash = createHash("sha256").update(canonicalJson(context.matrix)).digest("hex").slice(0, 12);
  return safeKey(`${job} (matrix ${hash})`);
}

// Keys go inside an HTML comment, which `-->` would close.
function safeKey(key: string): string {
  return key.replace(/-->/g, "->").replace(/[\r\n]+/g, " ");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function readMatrix(read: (name: InputName) => string): Record<string, unknown> | null {
  const text = read(INPUT.matrix);
  if (text === "" || text === "null") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InputError(INPUT.matrix, text, "must be the JSON of the matrix (leave it unset)", { cause });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InputError(INPUT.matrix, text, "must be the JSON object of the matrix (leave it unset)");
  }
  return parsed as Record<string, unknown>;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

function readNumber<T extends number | null>(
  read: (name: InputName) => string,
  name: InputName,
  fallback: T,
): number | T {
  const text = read(name);
  if (text === "") return fallback;
  if (!DECIMAL.test(text)) throw new InputError(name, text, "must be a number, 0 or more");
  return Number(text);
}

function readInteger(
  read: (name: InputName) => string,
  name: InputName,
  fallback: number,
  min: number,
): number {
  const text = read(name);
  if (text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value)) {
    throw new InputError(name, text, `must be a whole number, ${min} or more`);
  }
  return value;
}

function readChoice<const T extends readonly string[]>(
  read: (name: InputName) => string,
  name: InputName,
  choices: T,
  fallback: T[number],
): T[number] {
  const text = read(name);
  if (text === "") return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new InputError(name, text, `must be one of ${choices.join(", ")}`);
  }
  return text as T[number];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
