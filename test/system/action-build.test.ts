// The committed bundle is what runners execute, and what the end-to-end tests run: it must be built from
// the sources as they are.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { repoRoot } from "../support/run-action.ts";

it("dist-action/ matches the sources (node scripts/build-action.mjs --check)", async () => {
  const result = await promisify(execFile)(process.execPath, ["scripts/build-action.mjs", "--check"], {
    cwd: repoRoot,
  }).catch((error: { stdout: string; stderr: string; code: number }) => error);
  expect(`${result.stdout}${result.stderr}`).toContain("dist-action/ matches the sources.");
});
