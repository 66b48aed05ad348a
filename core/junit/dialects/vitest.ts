import type { Dialect } from "./dialect.ts";

// vitest's junit reporter names the root "vitest tests" and uses the test file's path as the classname.
export const vitest: Dialect = {
  name: "vitest",
  detect: ({ rootAttributes }) => /^vitest tests$/i.test(rootAttributes.name ?? ""),
  testFile: ({ attributes }) => attributes.file ?? attributes.classname ?? null,
};
