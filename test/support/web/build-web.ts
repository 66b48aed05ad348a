// Vitest global setup for the dashboard's tests: one production build per test run (standalone output, as
// users run it), skipped when the sources have not changed since the last build.
// @ts-expect-error: a plain ESM script without type declarations.
import { buildWeb } from "../../../scripts/build-web.mjs";

export default function setup(): void {
  (buildWeb as (options: { ifNeeded: boolean }) => void)({ ifNeeded: true });
}
