import { bazel } from "./bazel.ts";
import { catch2 } from "./catch2.ts";
import { ctest } from "./ctest.ts";
import type { Dialect, ReportSignature } from "./dialect.ts";
import { go } from "./go.ts";
import { googletest } from "./googletest.ts";
import { gradle } from "./gradle.ts";
import { jest } from "./jest.ts";
import { cypress, mocha } from "./mocha.ts";
import { nextest } from "./nextest.ts";
import { nodeTest } from "./node-test.ts";
import { phpunit } from "./phpunit.ts";
import { playwright } from "./playwright.ts";
import { pytest } from "./pytest.ts";
import { rspec } from "./rspec.ts";
import { surefire } from "./surefire.ts";
import { vitest } from "./vitest.ts";

export type { Dialect, ReportSignature } from "./dialect.ts";

export const generic: Dialect = { name: "generic", detect: () => true };

// Most specific first: cypress before mocha (same reporter), the generic reading last.
const DIALECTS: readonly Dialect[] = [
  surefire,
  nextest,
  jest,
  vitest,
  cypress,
  mocha,
  playwright,
  pytest,
  go,
  rspec,
  phpunit,
  googletest,
  catch2,
  ctest,
  bazel,
  nodeTest,
  gradle,
];

export function detectDialect(signature: ReportSignature): Dialect {
  const dialect = DIALECTS.find((candidate) => candidate.detect(signature)) ?? generic;
  const usesContext = Boolean(dialect.testFile || dialect.testLine || dialect.status || dialect.failurePhase);
  return { ...dialect, usesContext };
}
