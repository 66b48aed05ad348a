import type { Dialect } from "./dialect.ts";

// CTest (`ctest --output-junit`): the status attribute is run | fail | notrun | disabled.
export const ctest: Dialect = {
  name: "ctest",
  detect: ({ rootName, testCaseAttributes, suiteAttributes }) =>
    rootName === "testsuite" &&
    suiteAttributes.disabled !== undefined &&
    ["run", "fail", "notrun", "disabled"].includes(testCaseAttributes.status ?? ""),
  status: ({ attributes }, fromElements) => {
    if (attributes.status === "notrun" || attributes.status === "disabled") return "skipped";
    if (attributes.status === "fail" && fromElements === "passed") return "failed";
    return fromElements;
  },
};
