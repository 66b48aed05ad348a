import { jvmClassLevel } from "../placeholders.ts";
import type { Dialect } from "./dialect.ts";

// Maven Surefire and Failsafe. Their re-run elements (<flakyFailure>, <rerunFailure>, ...) are read by the
// generic parser because cargo-nextest writes them too; this dialect only recognises the report.
const SCHEMA = /surefire|failsafe/i;

export const surefire: Dialect = {
  name: "surefire",
  detect: ({ rootAttributes, suiteAttributes, suiteProperties }) =>
    SCHEMA.test(rootAttributes["xsi:noNamespaceSchemaLocation"] ?? "") ||
    SCHEMA.test(suiteAttributes["xsi:noNamespaceSchemaLocation"] ?? "") ||
    suiteProperties.some((p) => p.name.startsWith("surefire.") || p.name === "maven.home"),
  placeholder: jvmClassLevel,
};
