// The action's post step (runs with `post-if: always()`): saves the Docker images that changed during the job
// and adds them to the job summary, then reports what the main step left in state. It must never fail the job.
import * as core from "@actions/core";
import { messageOf } from "../process/errors.ts";
import { saveImageCache } from "./image-cache.ts";
import { STATE } from "./outputs.ts";

/** The post step; what @github/local-action calls (`--post`). Whatever goes wrong is a warning. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await runPost(env);
  } catch (error) {
    core.warning(`seamwatch post step: ${messageOf(error)}`);
  }
}

async function runPost(env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await saveImageCache(env);
  } catch (error) {
    core.warning(`Docker images not saved: ${messageOf(error)}`);
  }
  const outcome = core.getState(STATE.outcome);
  if (outcome === "") {
    core.info("seamwatch: the main step did not run the suite; nothing to do after the job.");
    return;
  }
  core.info(
    `seamwatch: the suite finished with outcome ${outcome}; report: ${core.getState(STATE.reportPath)}`,
  );
}
