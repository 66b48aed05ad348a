import type { Dialect } from "./dialect.ts";

// PHPUnit: nested suites per class and data set, `file`, `line`, `class` and `assertions` on each test case.
export const phpunit: Dialect = {
  name: "phpunit",
  detect: ({ testCaseAttributes }) =>
    testCaseAttributes.assertions !== undefined && testCaseAttributes.class !== undefined,
};
