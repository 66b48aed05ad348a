import type { Dialect } from "./dialect.ts";

// Bazel writes every test's report to bazel-testlogs/<package>/<target>/test.xml: its own one-case report
// (named after the target, status="run", a \`duration\` attribute) for tests that write none, or the
// test runner's report otherwise.
const BAZEL_TESTLOG = /(^|[\\/])bazel-testlogs[\\/].*test\.xml$/;

export const bazel: Dialect = {
  name: "bazel",
  detect: ({ path, suiteAttributes, testCaseAttributes }) =>
    BAZEL_TESTLOG.test(path) ||
    (suiteAttributes.name ?? "").startsWith("//") ||
    (testCaseAttributes.name ?? "").startsWith("//") ||
    (testCaseAttributes.duration !== undefined &&
      testCaseAttributes.status === "run" &&
      testCaseAttributes.classname === undefined),
};
