// Where a run ran, for the JSON report's `ci` block: the pure detection of core/ci fed with this process's
// environment and, on GitHub Actions, the workflow's event payload read from disk. The CLI and the action
// both come here, so both read the payload the same way.
import { readFileSync } from "node:fs";
import {
  type CiContext,
  type CiOverrides,
  detectCi,
  detectProvider,
  type Environment,
} from "../core/ci/index.ts";
import { messageOf } from "../process/errors.ts";

export interface ReadCiContextOptions {
  readonly env: Environment;
  /** From flags or inputs: each field given wins over the detected one. */
  readonly overrides?: CiOverrides;
  /** An unreadable event payload is a warning: the block is then filled from the environment alone. */
  readonly warn: (message: string) => void;
}

export function readCiContext({ env, overrides = {}, warn }: ReadCiContextOptions): CiContext {
  const provider = overrides.provider ?? detectProvider(env);
  // The PR number, its head commit and the default branch are only in GitHub's event payload.
  const event = provider === "github-actions" ? readEventPayload(env.GITHUB_EVENT_PATH, warn) : null;
  return detectCi(env, { overrides, event });
}

/** GitHub's event payload (GITHUB_EVENT_PATH's JSON); null when there is none or it cannot be read. */
export function readEventPayload(path: string | undefined, warn: (message: string) => void): unknown {
  if (!path) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    warn(`Could not read the workflow event at ${path}: ${messageOf(error)}`);
    return null;
  }
}
