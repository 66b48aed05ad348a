import type { Dialect } from "./dialect.ts";

// Node's built-in test runner (`--test-reporter=junit`): every test case has classname "test" and the
// root <testsuites> has no attributes. A failing hook is reported with type "hookFailed".
export const nodeTest: Dialect = {
  name: "node",
  detect: ({ rootName, rootAttributes, testCaseAttributes }) =>
    rootName === "testsuites" &&
    Object.keys(rootAttributes).length === 0 &&
    testCaseAttributes.classname === "test",
  // A failing hook is "hookFailed"; the tests under a failed `before` hook are "cancelledByParent".
  failurePhase: ({ type }) => (type === "hookFailed" || type === "cancelledByParent" ? "setup" : undefined),
};
