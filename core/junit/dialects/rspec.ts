import type { Dialect } from "./dialect.ts";

// rspec_junit_formatter: <testsuite name="rspec">, the spec file on each test case.
export const rspec: Dialect = {
  name: "rspec",
  detect: ({ suiteAttributes, rootAttributes }) =>
    suiteAttributes.name === "rspec" || rootAttributes.name === "rspec",
};
