import { jvmClassLevel } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// Gradle writes one <testsuite> per class with an empty <properties/>; the test-retry plugin repeats the
// <testcase>, which the generic parser merges into executions.
export const gradle: Dialect = {
  name: "gradle",
  detect: ({ rootName, rootAttributes, suiteProperties }) =>
    rootName === "testsuite" &&
    rootAttributes.hostname !== undefined &&
    rootAttributes.skipped !== undefined &&
    rootAttributes.timestamp !== undefined &&
    suiteProperties.length === 0,
  placeholder: jvmClassLevel,
};
