// advanceTestState shares the commit lists of tests that ran together. The memory behind that sharing must
// not outlive the commit it was made for: a test that stopped running keeps its old list, and a memory kept
// across commits tied every later list to it, so ingest's heap grew with every upload until the process
// ran out (at 65 million results in bench:web). Checked with the real garbage collector.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import {
  advanceTestState,
  type CommitSeen,
  newTestState,
  type TestState,
} from "../../core/analytics/index.ts";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function collectedOf(refs: readonly WeakRef<readonly CommitSeen[]>[]): Promise<number> {
  // A WeakRef keeps its target until the task that made or read it ends.
  await nextTask();
  collectGarbage();
  await nextTask();
  collectGarbage();
  return refs.filter((ref) => ref.deref() === undefined).length;
}

it("lets go of the commit lists of earlier commits, even while a test that stopped running keeps its own", async () => {
  const at = Date.UTC(2026, 2, 2);
  const first = advanceTestState(newTestState, { verdict: "passed", commitSha: "c0", at });
  // This test ran on c0 only: its state, and so its list, stays for good.
  const stopped: TestState = first;
  let running: TestState = first;
  const lists: WeakRef<readonly CommitSeen[]>[] = [];
  for (let commit = 1; commit <= 200; commit++) {
    running = advanceTestState(running, { verdict: "passed", commitSha: `c${commit}`, at: at + commit });
    if (commit < 199) lists.push(new WeakRef(running.commits));
  }
  expect(stopped.commits.map((seen) => seen.sha)).toEqual(["c0"]);
  expect(running.commits.at(-1)?.sha).toBe("c200");
  // Nothing holds the lists of c1 … c198 but the memory of the sharing: all of them go.
  expect(await collectedOf(lists)).toBe(lists.length);
});

it("still shares one list among the tests that ran together on a commit", () => {
  const at = Date.UTC(2026, 2, 2);
  const base = advanceTestState(newTestState, { verdict: "passed", commitSha: "c0", at });
  const a = advanceTestState(base, { verdict: "passed", commitSha: "c1", at });
  const b = advanceTestState(base, { verdict: "passed", commitSha: "c1", at });
  const failed = advanceTestState(base, { verdict: "failed", commitSha: "c1", at });
  expect(a.commits).toBe(b.commits);
  expect(failed.commits).not.toBe(a.commits);
});
