// Entry of the bundled save step (save/action.yml): saves the job's Docker images now rather than in the
// main action's post step, and sets `images-saved`. Like the image cache everywhere, it never fails the job.
import * as core from "@actions/core";
import { messageOf } from "./errors.ts";
import { runSaveStep } from "./image-cache.ts";

runSaveStep().then(
  // Exit explicitly: keep-alive sockets of the cache client must not hold the step open.
  () => process.exit(),
  (error: unknown) => {
    core.warning(`Docker images not saved: ${messageOf(error)}`);
    process.exit();
  },
);
