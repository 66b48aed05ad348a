// action.yml runs one bundle as both `main` and `post`: the state flag the main step saves first tells the
// post run apart.
import * as core from "@actions/core";
import { run as runMain } from "./main.ts";
import { STATE } from "./outputs.ts";
import { run as runPost } from "./post.ts";

/** Runs the main or the post step, then exits: keep-alive sockets of the API client must not hold it open. */
export async function runMainOrPost(exitWhenDone: boolean): Promise<void> {
  const isPost = core.getState(STATE.isPost) === "true";
  if (!isPost) core.saveState(STATE.isPost, "true");
  await (isPost ? runPost() : runMain());
  if (exitWhenDone) process.exit();
}
