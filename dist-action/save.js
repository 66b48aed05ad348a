import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  SAVE_STEP_OUTPUT,
  messageOf,
  saveImagesNow,
  setOutputs
} from "./chunks/chunk-Z2VZEDMC.js";
import {
  warning
} from "./chunks/chunk-Z54VKEA3.js";
import "./chunks/chunk-HANBNIMK.js";

// action/save.ts
async function run(env = process.env) {
  let saved = 0;
  try {
    saved = await saveImagesNow(env);
  } catch (error) {
    warning(`Docker images not saved: ${messageOf(error)}`);
  }
  setOutputs({ [SAVE_STEP_OUTPUT.imagesSaved]: String(saved) });
}
async function runSaveStep(exitWhenDone) {
  await run();
  if (exitWhenDone) process.exit();
}

// action/save-step.ts
runSaveStep(true);
