import type { Dialect } from "./dialect.ts";

// Bazel's test.xml: suites and, for tests that write no report of their own, the single test case are
// named after the target label (//pkg:target).
export const bazel: Dialect = {
  name: "bazel",
  detect: ({ suiteAttributes, testCaseAttributes }) =>
    (suiteAttributes.name ?? "").startsWith("//") || (testCaseAttributes.name ?? "").startsWith("//"),
};
