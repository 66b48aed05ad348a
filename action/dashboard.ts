// The action and the dashboard: the credential (the `server-token` input, else GitHub's OIDC token with the
// dashboard's URL as audience), the base branch's baseline before the report is rendered, then the upload.
// Failure policy: the dashboard down or refusing is a warning naming the reason, never a failed job, unless
// `fail-on-upload-error: true`; the report file is written either way. A missing baseline only takes the
// history out of the comment (and makes `fail-on: new-failures` fall back, which main.ts says).
import * as core from "@actions/core";
import type { CiContext } from "../core/ci/index.ts";
import type { RunResult } from "../core/run/index.ts";
import { messageOf } from "../process/errors.ts";
import {
  type Baseline,
  type DashboardConnection,
  fetchBaseline,
  type UploadedRun,
  uploadRunReport,
} from "../upload/dashboard-client.ts";
import { baselineBranch, testIdsOf } from "../upload/history.ts";
import type { DashboardInputs } from "./inputs.ts";

const USER_AGENT = "seamwatch-action";

export interface DashboardSync {
  /** The run's page, when the upload succeeded. */
  readonly uploaded: UploadedRun | null;
  /** Why nothing was uploaded; null when it was. */
  readonly uploadProblem: string | null;
  readonly baseline: Baseline | null;
  /** Why there is no baseline; null when there is one. */
  readonly baselineProblem: string | null;
}

export async function syncWithDashboard(options: {
  readonly inputs: DashboardInputs & { readonly serverUrl: string };
  readonly ci: CiContext;
  readonly run: RunResult;
  /** Null when the report file could not be written. */
  readonly reportPath: string | null;
  readonly env: NodeJS.ProcessEnv;
}): Promise<DashboardSync> {
  const { inputs, ci } = options;
  const log = (line: string) => core.info(`seamwatch: ${line}`);
  let token: string;
  try {
    token = await credential(inputs, options.env);
  } catch (error) {
    const reason = messageOf(error);
    return { uploaded: null, uploadProblem: reason, baseline: null, baselineProblem: reason };
  }
  const connection: DashboardConnection = { serverUrl: inputs.serverUrl, token };
  const context = { log, userAgent: USER_AGENT };

  // Before the upload, so that a run on the base branch itself is not part of its own baseline.
  let baseline: Baseline | null = null;
  let baselineProblem: string | null = null;
  const branch = baselineBranch(ci);
  if (ci.repository === null || branch === null) {
    baselineProblem = "the run names no repository or base branch to compare with";
  } else {
    try {
      baseline = await fetchBaseline(
        connection,
        { project: ci.repository, branch, jobKey: ci.jobKey, testIds: testIdsOf(options.run) },
        context,
      );
      if (baseline.runs === 0) {
        baselineProblem = `the dashboard has no run of ${branch} in the last ${BASELINE_DAYS_TEXT} to compare with`;
        baseline = null;
      }
    } catch (error) {
      baselineProblem = `the baseline of ${branch} could not be fetched: ${messageOf(error)}`;
    }
  }

  if (options.reportPath === null) {
    return {
      uploaded: null,
      uploadProblem: "the report file could not be written",
      baseline,
      baselineProblem,
    };
  }
  try {
    const uploaded = await uploadRunReport(connection, options.reportPath, context);
    core.info(
      `seamwatch: ${uploaded.duplicate ? "already on the dashboard" : "uploaded to the dashboard"}: ${uploaded.url}`,
    );
    return { uploaded, uploadProblem: null, baseline, baselineProblem };
  } catch (error) {
    return { uploaded: null, uploadProblem: messageOf(error), baseline, baselineProblem };
  }
}

const BASELINE_DAYS_TEXT = "28 days";

/**
 * The upload token, or an OIDC token from GitHub for the dashboard's URL. Without either, the reason says
 * what to add to the workflow.
 */
async function credential(inputs: DashboardInputs & { serverUrl: string }, env: NodeJS.ProcessEnv) {
  if (inputs.serverToken !== "") {
    core.setSecret(inputs.serverToken);
    return inputs.serverToken;
  }
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new Error(
      "no server-token, and no OIDC token to use instead: give the job `permissions: id-token: write` (or set server-token)",
    );
  }
  try {
    // @actions/core masks the token in the log.
    return await core.getIDToken(inputs.serverUrl);
  } catch (error) {
    throw new Error(`GitHub did not hand out an OIDC token: ${messageOf(error)}`);
  }
}
