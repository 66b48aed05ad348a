import type { Dialect } from "./dialect.ts";

// Catch2's junit reporter: v3 writes a `random-seed` property; v2 writes hostname "tbd"; test cases of
// free-standing TEST_CASEs get the classname "<binary>.global". Locations are in the failure text as
// "at file:line".
export const catch2: Dialect = {
  name: "catch2",
  detect: ({ suiteAttributes, suiteProperties, testCaseAttributes }) =>
    suiteProperties.some((p) => p.name === "random-seed") ||
    (suiteAttributes.hostname === "tbd" && (testCaseAttributes.classname ?? "").endsWith(".global")),
};
