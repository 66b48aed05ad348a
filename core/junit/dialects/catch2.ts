import type { Dialect } from "./dialect.ts";

// Catch2's junit reporter: a `random-seed` property, classnames "<binary>.global"; locations are in the
// failure text as "at file:line".
export const catch2: Dialect = {
  name: "catch2",
  detect: ({ suiteProperties }) => suiteProperties.some((p) => p.name === "random-seed"),
};
