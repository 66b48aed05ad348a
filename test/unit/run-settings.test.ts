// The settings the action's inputs and `seamwatch run`'s flags share come from one table: the CLI's help
// is written from it (action-inputs.test.ts holds action.yml's defaults to it).
import { describe, expect, it } from "vitest";
import { RUN_USAGE } from "../../cli/run-command.ts";
import { RUN_SETTINGS, retryDelayMs } from "../../runner/settings.ts";

describe("RUN_SETTINGS", () => {
  it("gives `seamwatch run --help` a line for every shared setting, flag first, its help beside it", () => {
    const lines = RUN_USAGE.split("\n");
    for (const setting of Object.values(RUN_SETTINGS)) {
      const at = lines.findIndex((line) => line.trimStart().startsWith(setting.flag));
      expect(at, setting.flag).toBeGreaterThan(0);
      const [first, ...rest] = setting.help;
      expect(lines[at]?.endsWith(first ?? ""), setting.flag).toBe(true);
      expect(lines.slice(at + 1, at + 1 + rest.length).map((line) => line.trim())).toEqual(rest);
    }
  });

  it("states the defaults it applies", () => {
    expect(RUN_USAGE).toContain(`(default ${RUN_SETTINGS.maxAttempts.default})`);
    expect(RUN_USAGE).toContain(`(default ${RUN_SETTINGS.slowTestSeconds.default})`);
    expect(RUN_USAGE).toContain(RUN_SETTINGS.junit.default.join(" "));
  });

  it("waits the given delay before each retry, or backs off from 5 s to at most 5 minutes", () => {
    expect([1, 2, 3].map(retryDelayMs(2.5))).toEqual([2_500, 2_500, 2_500]);
    expect([1, 2, 3, 10].map(retryDelayMs(null))).toEqual([5_000, 10_000, 20_000, 300_000]);
  });
});
