import type { Dialect, TestCaseContext } from "./dialect.ts";

// mocha-junit-reporter: root "Mocha Tests", a flat list of suites, the spec file on each suite.
// Cypress runs the same reporter; its spec files live under cypress/ or are named *.cy.*.
const CYPRESS_SPEC = /(^|\/)cypress\/|\.cy\.[cm]?[jt]sx?$/;

function isMochaRoot(name: string | undefined): boolean {
  return /^mocha tests$/i.test(name ?? "");
}

export const cypress: Dialect = {
  name: "cypress",
  detect: ({ rootAttributes, specFile }) =>
    isMochaRoot(rootAttributes.name) && CYPRESS_SPEC.test(specFile ?? ""),
  testFile: specFileOf,
  failurePhase: ({ message }, { attributes }) => mochaHookPhase(attributes.name, message),
};

export const mocha: Dialect = {
  name: "mocha",
  detect: ({ rootAttributes }) => isMochaRoot(rootAttributes.name),
  testFile: specFileOf,
  failurePhase: ({ message }, { attributes }) => mochaHookPhase(attributes.name, message),
};

/** Suites after a spec's "Root Suite" belong to its file until the next spec's root suite. */
function specFileOf({ suiteAttributes, specFile }: TestCaseContext): string | null {
  return suiteAttributes.file ?? specFile;
}

/** Mocha reports a failing hook as a test named `"before all" hook for "..."`. */
export function mochaHookPhase(name: string | undefined, message: string | null) {
  const text = `${name ?? ""} ${message ?? ""}`;
  if (/"before (all|each)" hook/.test(text)) return "setup" as const;
  if (/"after (all|each)" hook/.test(text)) return "teardown" as const;
  return undefined;
}
