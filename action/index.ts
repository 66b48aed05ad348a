// Entry of the bundled action. action.yml runs this file as both `main` and `post`; the state flag the
// main step saves first tells the post run apart.
import * as core from "@actions/core";
import { runMain } from "./main.ts";
import { STATE } from "./outputs.ts";
import { runPost } from "./post.ts";

const isPost = core.getState(STATE.isPost) === "true";
if (!isPost) core.saveState(STATE.isPost, "true");

(isPost ? runPost() : runMain()).then(
  // Exit explicitly: keep-alive sockets of the API client must not hold the step open.
  () => process.exit(),
  (error: unknown) => {
    if (!isPost) core.setFailed(`seamwatch failed unexpectedly: ${(error as Error)?.stack ?? String(error)}`);
    else core.warning(`seamwatch post step: ${(error as Error)?.message ?? String(error)}`);
    process.exit();
  },
);
