import type { Dialect } from "./dialect.ts";

// pytest (xunit1 and xunit2). xunit1 writes `file` and a 0-based `line`; errors in fixtures say
// "failed on setup with ..." or "failed on teardown with ...", and import errors are "collection failure".
export const pytest: Dialect = {
  name: "pytest",
  detect: ({ suiteAttributes }) => suiteAttributes.name === "pytest",
  testLine: ({ attributes }) => {
    const line = Number(attributes.line);
    return attributes.line !== undefined && Number.isInteger(line) && line >= 0 ? line + 1 : null;
  },
  failurePhase: ({ message }) => {
    if (!message) return undefined;
    if (/^failed on setup\b|^collection failure/i.test(message)) return "setup";
    if (/^failed on teardown\b/i.test(message)) return "teardown";
    return undefined;
  },
};
