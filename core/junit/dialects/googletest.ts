import { type Dialect, positiveInteger } from "./dialect.ts";

// googletest: root "AllTests"; disabled tests are status="notrun", GTEST_SKIP() is result="skipped".
export const googletest: Dialect = {
  name: "googletest",
  detect: ({ rootAttributes }) => rootAttributes.name === "AllTests",
  testLine: ({ attributes }) => positiveInteger(attributes.line),
  status: ({ attributes }, fromElements) => {
    if (attributes.status === "notrun") return "skipped";
    if (attributes.result === "skipped" || attributes.result === "suppressed") return "skipped";
    return fromElements;
  },
};
