import type { Dialect } from "./dialect.ts";

// cargo-nextest: root "nextest-run" (its default profile's report name); retries use surefire's elements.
export const nextest: Dialect = {
  name: "nextest",
  detect: ({ rootAttributes }) => /^nextest-run$/i.test(rootAttributes.name ?? ""),
};
