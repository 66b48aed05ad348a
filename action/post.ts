// The action's post step (runs with `post-if: always()`). For now it only reports what the main step left
// in state; saving Docker images moves here later. It must never fail the job.
import * as core from "@actions/core";
import { STATE } from "./outputs.ts";

export async function runPost(): Promise<void> {
  const outcome = core.getState(STATE.outcome);
  if (outcome === "") {
    core.info("seamwatch: the main step did not run the suite; nothing to do after the job.");
    return;
  }
  core.info(
    `seamwatch: the suite finished with outcome ${outcome}; report: ${core.getState(STATE.reportPath)}`,
  );
}
