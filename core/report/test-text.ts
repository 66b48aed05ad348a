// Plain-text views of a merged test shared by the Markdown report and the annotations. Untrusted: callers
// escape for their medium.

import { type Failure, formatSuitePath } from "../junit/index.ts";
import type { MergedTest } from "../run/index.ts";

/** `suite › Class › name`, without repeating a part that equals the one before it. */
export function testTitle(test: Pick<MergedTest, "suitePath" | "classname" | "name">): string {
  const suite = formatSuitePath(test.suitePath);
  const parts = [suite, test.classname, test.name].map((part) => part.trim()).filter((part) => part);
  return parts.filter((part, index) => part !== parts[index - 1]).join(" › ") || "(unnamed test)";
}

/** Where the failure points, else where the test lives: `src/orders.test.ts:42`, or null. */
export function testLocation(
  test: Pick<MergedTest, "file" | "failure">,
): { file: string; line: number | null } | null {
  const file = test.failure?.file ?? test.file;
  if (!file) return null;
  const line = test.failure?.file && test.failure.line !== null ? test.failure.line : null;
  return { file, line };
}

export function formatLocation(location: { file: string; line: number | null }): string {
  return location.line === null ? location.file : `${location.file}:${location.line}`;
}

/** `AssertionError: expected 200 to equal 201`: the type and the first non-blank line of the message. */
export function failureHeadline(failure: Failure | null): string | null {
  if (!failure) return null;
  const message = firstLine(failure.message) ?? firstLine(failure.details);
  const type = failure.type?.trim() || null;
  if (!message) return type;
  return type && !message.startsWith(type) ? `${type}: ${message}` : message;
}

function firstLine(text: string | null): string | null {
  if (!text) return null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return null;
}

/** The time a test takes: its last attempt, so a test retried for infrastructure is not counted twice. */
export function testDurationMs(test: Pick<MergedTest, "attempts" | "durationMs">): number {
  return test.attempts.at(-1)?.durationMs ?? test.durationMs;
}

/** "failed in attempt 1, passed in attempt 2"; a runner's own re-run shows as "passed after a re-run". */
export function attemptHistory(test: Pick<MergedTest, "attempts">): string {
  return test.attempts
    .map((result) =>
      result.flaky && result.status === "passed"
        ? `passed after a re-run in attempt ${result.attempt}`
        : `${result.status} in attempt ${result.attempt}`,
    )
    .join(", ");
}

/** `840 ms`, `2.50 s`, `12.3 s`, `3 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
