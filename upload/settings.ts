// The settings of the dashboard upload and of the PR comment's history that the action's inputs and the
// CLI's flags both set, each named, defaulted and described once here (as runner/settings.ts does for the
// run): action/inputs.ts reads the inputs with these defaults, and `seamwatch upload --help` and
// `seamwatch run --help` are written from this table.
import { analyticsDefaults } from "../core/analytics/index.ts";

export interface UploadSetting<T> {
  /** The action's input, and the CLI's flag (with its placeholder). */
  readonly input: string;
  readonly flag: string;
  /** The environment variable the CLI also reads, when there is one. */
  readonly env: string | null;
  readonly default: T;
  /** The CLI's help, one entry a line. */
  readonly help: readonly string[];
}

export const REGRESSION_PERCENT = Math.round(analyticsDefaults.slowerRelative * 100);
export const REGRESSION_MIN_SECONDS = analyticsDefaults.slowerAbsoluteMs / 1000;

export const UPLOAD_SETTINGS = {
  serverUrl: {
    input: "server-url",
    flag: "--server <url>",
    env: "SEAMWATCH_SERVER_URL",
    default: "",
    help: ["the seamwatch dashboard to upload to (or SEAMWATCH_SERVER_URL)"],
  },
  serverToken: {
    input: "server-token",
    flag: "--token <token>",
    env: "SEAMWATCH_TOKEN",
    default: "",
    help: ["the project's upload token (or SEAMWATCH_TOKEN; keep it out of logs)"],
  },
  failOnUploadError: {
    input: "fail-on-upload-error",
    flag: "--fail-on-upload-error",
    env: null,
    default: false,
    help: ["fail (exit 4) when the upload does not succeed; otherwise it is a warning"],
  },
  regressionPercent: {
    input: "regression-percent",
    flag: "--regression-percent <n>",
    env: null,
    default: REGRESSION_PERCENT,
    help: [`a test is slower than the base when at least n % slower... (default ${REGRESSION_PERCENT})`],
  },
  regressionMinSeconds: {
    input: "regression-min-seconds",
    flag: "--regression-min-seconds <s>",
    env: null,
    default: REGRESSION_MIN_SECONDS,
    help: [`...and at least s seconds slower than the base's p50 (default ${REGRESSION_MIN_SECONDS})`],
  },
} as const satisfies Record<string, UploadSetting<unknown>>;

/** The thresholds of a timing regression as core/analytics' TimingOptions take them. */
export function regressionThresholds(settings: { regressionPercent: number; regressionMinSeconds: number }): {
  slowerRelative: number;
  slowerAbsoluteMs: number;
} {
  return {
    slowerRelative: settings.regressionPercent / 100,
    slowerAbsoluteMs: Math.round(settings.regressionMinSeconds * 1000),
  };
}

/** The server's base URL, checked: http(s), no query or fragment, no trailing slash. Throws naming the problem. */
export function normalizeServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error("must be an http(s) URL such as https://seamwatch.example.com");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error("must be an http(s) URL such as https://seamwatch.example.com");
  }
  if (url.search || url.hash) throw new Error("must be the dashboard's address, without ? or #");
  if (url.username || url.password) throw new Error("must not carry a user or password (use the token)");
  return url.href.replace(/\/+$/, "");
}
