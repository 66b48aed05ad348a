// The job summary's Images section: what it says about each image and about the time the cache saved or
// cost against pulling. End-to-end runs (action-images.test.ts) check it on real jobs; here the arithmetic
// and the wording of each case.
import { describe, expect, it } from "vitest";
import { cacheHit, type ImageRestore, type ImageSave } from "../../core/images/index.ts";
import { renderImagesSection } from "../../core/report/index.ts";

const hit = (reference: string, restoreSeconds: number, pullSeconds: number | null): ImageRestore => ({
  result: "loaded",
  reference,
  key: `k-${reference}`,
  bytes: 120_000_000,
  seconds: restoreSeconds + 1,
  restoreSeconds,
  pullSeconds,
});

const pulled = (reference: string, pullSeconds: number): ImageRestore => ({
  result: "pulled",
  reference,
  key: null,
  seconds: pullSeconds,
  pullSeconds,
});

const times = { restoreSeconds: 9.5, saveSeconds: 0.2 };
const nothingSaved: readonly ImageSave[] = [];

describe("the Images section", () => {
  it("states what the cache saved against the pulls on record", () => {
    const text = renderImagesSection([hit("db:1", 3, 10), hit("queue:1", 2, 4.5)], nothingSaved, times);
    expect(text).toContain(
      "Compared with pulling: 2 images restored in 5.0 s, where pulling them took 14.5 s when they were cached: the cache saved 9.5 s.",
    );
  });

  it("says so when the cache was slower than pulling", () => {
    const text = renderImagesSection([hit("db:1", 8, 2.5)], nothingSaved, times);
    expect(text).toContain("the cache cost 5.5 s more than pulling.");
  });

  it("compares only images with a pull time on record, and says how many had none", () => {
    const text = renderImagesSection([hit("db:1", 1, 3), hit("built:1", 1, null)], nothingSaved, times);
    expect(text).toContain("1 image restored in 1.0 s, where pulling them took 3.0 s");
    expect(text).toContain("(1 image without a pull time on record.)");
    expect(renderImagesSection([hit("built:1", 1, null)], nothingSaved, times)).not.toContain(
      "Compared with pulling",
    );
    // A pull in this job is not a restore: nothing to compare yet.
    expect(renderImagesSection([pulled("db:1", 7)], nothingSaved, times)).not.toContain(
      "Compared with pulling",
    );
  });

  it("keeps a reference from breaking out of its table cell or code span", () => {
    const text = renderImagesSection([hit("evil`|<b>x</b>:1", 1, 2)], nothingSaved, times);
    const row = text.split("\n").find((line) => line.includes("evil")) ?? "";
    expect(row.split("|")).toHaveLength(7);
    expect(row).not.toContain("`|");
  });

  it("calls a restore a full hit only when nothing missed", () => {
    expect(cacheHit([hit("a:1", 1, 1)])).toBe("true");
    expect(cacheHit([hit("a:1", 1, 1), pulled("b:1", 1)])).toBe("partial");
    expect(cacheHit([pulled("b:1", 1)])).toBe("false");
  });
});
