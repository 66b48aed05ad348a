// Finding an attempt's JUnit reports on disk, and moving earlier ones aside.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findReports, setAside } from "../../runner/report-files.ts";

describe("findReports and setAside", () => {
  it("finds existing reports, skips node_modules and ! patterns, and moves them keeping their layout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "seamwatch-reports-"));
    for (const path of [
      "junit.xml",
      "a/test-results/x.xml",
      "node_modules/p/junit.xml",
      "legacy/junit-old.xml",
    ]) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), "<testsuite/>");
    }
    const found = await findReports(
      ["**/junit*.xml", "**/test-results/**/*.xml", "!legacy/**", "missing.xml"],
      dir,
    );
    expect(found).toEqual(["junit.xml", "a/test-results/x.xml"]);

    const aside = mkdtempSync(join(tmpdir(), "seamwatch-aside-"));
    expect(await setAside(found, dir, join(aside, "attempt-1"))).toBe(2);
    expect(await findReports(["**/junit*.xml", "**/test-results/**/*.xml", "!legacy/**"], dir)).toEqual([]);
    expect(await findReports(["**/*.xml"], join(aside, "attempt-1"))).toEqual([
      "a/test-results/x.xml",
      "junit.xml",
    ]);
  });
});
