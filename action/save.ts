// The save step (save/action.yml): saves the job's Docker images now rather than in the main action's post
// step, and sets `images-saved`. Like the image cache everywhere, it never fails the job.
import * as core from "@actions/core";
import { messageOf } from "../process/errors.ts";
import { saveImagesNow } from "./image-cache.ts";
import { SAVE_STEP_OUTPUT, setOutputs } from "./outputs.ts";

/** The step's work; what @github/local-action calls. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let saved = 0;
  try {
    saved = await saveImagesNow(env);
  } catch (error) {
    core.warning(`Docker images not saved: ${messageOf(error)}`);
  }
  setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: String(saved) });
}

/** Runs the step as the bundle does, then exits: keep-alive sockets of the cache client must not hold it open. */
export async function runSaveStep(exitWhenDone: boolean): Promise<void> {
  await run();
  if (exitWhenDone) process.exit();
}
