import { jestSuiteFailedToRun } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// jest-junit: the root is named after its `suiteName` option ("jest tests" unless changed).
export const jest: Dialect = {
  name: "jest",
  detect: ({ rootAttributes }) => /^jest tests$/i.test(rootAttributes.name ?? ""),
  placeholder: jestSuiteFailedToRun,
};
