// What the action hands on: step outputs, where the JSON report goes, and the state the post step reads.
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import type { RunResult } from "../core/run/index.ts";

/** Output names as action.yml declares them. */
export const OUTPUT = {
  outcome: "outcome",
  attempts: "attempts",
  infraRetries: "infra-retries",
  tests: "tests",
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  flaky: "flaky",
  durationMs: "duration-ms",
  reportPath: "report-path",
  /** The run's page on the dashboard; set only when the upload succeeded. */
  reportUrl: "report-url",
  imagesRestored: "images-restored",
  imageCacheHit: "image-cache-hit",
  imagesUpdated: "images-updated",
} as const;

/** Output names as save/action.yml (the save step) declares them. */
export const SAVE_STEP_OUTPUT = {
  imagesSaved: "images-saved",
} as const;

export type OutputName = (typeof OUTPUT)[keyof typeof OUTPUT];
/** The outputs about the test run; the image cache and the upload set their own. */
export type RunOutputName = Exclude<
  OutputName,
  | typeof OUTPUT.imagesRestored
  | typeof OUTPUT.imageCacheHit
  | typeof OUTPUT.imagesUpdated
  | typeof OUTPUT.reportUrl
>;

/** State saved by the main step for the post step (the runner hands it back as STATE_<name>). */
export const STATE = {
  /** Set as soon as the main step starts: the same bundle runs as post when it is there. */
  isPost: "isPost",
  outcome: "outcome",
  reportPath: "reportPath",
  /** The image cache's settings and what the restore did, as JSON (`ImageCacheHandover`). */
  imageCache: "imageCache",
} as const;

export function outputValues(
  run: RunResult,
  details: { durationMs: number; reportPath: string },
): Record<RunOutputName, string> {
  return {
    [OUTPUT.outcome]: run.outcome,
    [OUTPUT.attempts]: String(run.attempts.length),
    [OUTPUT.infraRetries]: String(run.attempts.filter((attempt) => attempt.retried).length),
    [OUTPUT.tests]: String(run.totals.tests),
    [OUTPUT.passed]: String(run.totals.passed),
    [OUTPUT.failed]: String(run.totals.failed),
    [OUTPUT.skipped]: String(run.totals.skipped),
    [OUTPUT.flaky]: String(run.totals.flaky),
    [OUTPUT.durationMs]: String(Math.round(details.durationMs)),
    [OUTPUT.reportPath]: details.reportPath,
  };
}

export function setOutputs(
  values: Partial<Record<OutputName | (typeof SAVE_STEP_OUTPUT)[keyof typeof SAVE_STEP_OUTPUT], string>>,
): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value);
}

/**
 * Where the JSON report goes: RUNNER_TEMP (emptied after each job), one file per step of the job
 * (GITHUB_ACTION names the step) so two seamwatch steps in one job do not overwrite each other.
 */
export function reportPathFor(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION || "seamwatch").replace(/[^\w.-]+/g, "_");
  return join(env.RUNNER_TEMP || tmpdir(), "seamwatch", `${step}.json`);
}
