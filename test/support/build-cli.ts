// Vitest global setup: tests run the CLI the way users do (bin/seamwatch.js -> dist/), so build it first.
import { execFileSync } from "node:child_process";

export default function buildCli(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
