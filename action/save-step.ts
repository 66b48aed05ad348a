// Entry of dist-action/save.js, which save/action.yml runs: the separate save step.
import { runSaveStep } from "./save.ts";

runSaveStep(true);
