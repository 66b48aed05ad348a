import type { Dialect } from "./dialect.ts";

// Playwright's junit reporter: root carries an `id`, one suite per spec file and project (hostname is the
// project name), and the classname is the spec file.
export const playwright: Dialect = {
  name: "playwright",
  detect: ({ rootAttributes, suiteAttributes }) =>
    rootAttributes.id !== undefined && suiteAttributes.hostname !== undefined,
  testFile: ({ attributes }) => attributes.classname ?? null,
};
