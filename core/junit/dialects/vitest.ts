import { vitestFileLoad } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// vitest's junit reporter names the root "vitest tests" unless `suiteName` is set, writes one suite per
// test file named by its path, and uses that path as every test case's classname.
export const vitest: Dialect = {
  name: "vitest",
  detect: ({ rootAttributes, suiteAttributes, testCaseAttributes }) =>
    /^vitest tests$/i.test(rootAttributes.name ?? "") ||
    (rootAttributes.id === undefined &&
      suiteAttributes.hostname !== undefined &&
      suiteAttributes.name !== undefined &&
      suiteAttributes.name === testCaseAttributes.classname &&
      /\.[cm]?[jt]sx?$/.test(suiteAttributes.name)),
  testFile: ({ attributes }) => attributes.file ?? attributes.classname ?? null,
  placeholder: vitestFileLoad,
};
