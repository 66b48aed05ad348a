// Entry of the `seamwatch` command (bundled into dist/seamwatch.js by scripts/build.mjs).
import { runSeamwatch } from "./seamwatch.ts";

runSeamwatch(process.argv.slice(2));
