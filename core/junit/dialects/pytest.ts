import { pytestCollectionError } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// pytest (xunit1 and xunit2). The suite is named "pytest" unless `junit_suite_name` is set; its timestamp is
// Python's isoformat with microseconds. xunit1 writes `file` and a 0-based `line`; errors in fixtures say
// "failed on setup with ..." or "failed on teardown with ...", and import errors are "collection failure".
const PYTHON_TIMESTAMP = /T\d\d:\d\d:\d\d\.\d{6}([+-]\d\d:\d\d)?$/;

export const pytest: Dialect = {
  name: "pytest",
  detect: ({ suiteAttributes, testCaseAttributes }) =>
    suiteAttributes.name === "pytest" ||
    (testCaseAttributes.file ?? "").endsWith(".py") ||
    PYTHON_TIMESTAMP.test(suiteAttributes.timestamp ?? ""),
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
  placeholder: pytestCollectionError,
};
