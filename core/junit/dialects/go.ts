import { goPackageLevel } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// gotestsum and go-junit-report: a suite per package, with a `go.version` property.
export const go: Dialect = {
  name: "go",
  detect: ({ suiteProperties }) => suiteProperties.some((p) => p.name === "go.version"),
  placeholder: goPackageLevel,
};
