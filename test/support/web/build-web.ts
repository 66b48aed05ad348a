// Vitest global setup for the dashboard's tests: one production build per test run (standalone output, as
// users run it), skipped when the sources have not changed since the last build.
import { buildWeb } from "../../../scripts/build-web.mjs";

export default async function setup(): Promise<void> {
  await buildWeb({ ifNeeded: true });
}
