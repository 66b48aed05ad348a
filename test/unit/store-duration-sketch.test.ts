// The rollups' mergeable duration summary: percentiles within 1 % of the value at that rank, days that merge
// into windows, and an encoding that survives the database.
import { describe, expect, it } from "vitest";
import { DurationSketch } from "../../core/history/index.ts";

/** Nearest rank on a sorted copy: the definition the sketch follows. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] as number;
}

describe("DurationSketch", () => {
  it("gives p50 and p95 of 1..100 ms within 1 %", () => {
    const sketch = new DurationSketch();
    for (let ms = 1; ms <= 100; ms++) sketch.add(ms);
    expect(sketch.count).toBe(100);
    expect(sketch.quantile(0.5)).toBeGreaterThanOrEqual(50 * 0.99);
    expect(sketch.quantile(0.5)).toBeLessThanOrEqual(50 * 1.01);
    expect(sketch.quantile(0.95)).toBeGreaterThanOrEqual(95 * 0.99);
    expect(sketch.quantile(0.95)).toBeLessThanOrEqual(95 * 1.01);
  });

  it("stays within 1 % of the exact value on spread-out durations, quantile by quantile", () => {
    // A fixed pseudo-random walk from 3 ms to a few minutes.
    const values: number[] = [];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      values.push(Math.round(3 + (seed / 2147483648) ** 3 * 200_000));
    }
    const sketch = new DurationSketch();
    for (const value of values) sketch.add(value);
    for (const q of [0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs((sketch.quantile(q) as number) - exact)).toBeLessThanOrEqual(exact * 0.01);
    }
    expect(sketch.quantiles([0.5, 0.95])).toEqual([sketch.quantile(0.5), sketch.quantile(0.95)]);
  });

  it("merges days into the same summary as adding every duration to one", () => {
    const monday = new DurationSketch().add(120).add(130).add(4000);
    const tuesday = new DurationSketch().add(125).add(90_000);
    const whole = new DurationSketch().add(120).add(130).add(4000).add(125).add(90_000);
    const merged = DurationSketch.decode(monday.encode()).merge(DurationSketch.decode(tuesday.encode()));
    expect(merged.count).toBe(5);
    expect(merged.encode()).toEqual(whole.encode());
    expect(merged.quantile(0.5)).toBe(whole.quantile(0.5));
  });

  it("round-trips through its bytes, large counts included", () => {
    const sketch = new DurationSketch().add(0).add(1).add(250, 1_000_000).add(86_400_000);
    const again = DurationSketch.decode(sketch.encode());
    expect(again.count).toBe(1_000_003);
    expect(again.encode()).toEqual(sketch.encode());
    expect(again.quantile(0)).toBe(0);
    expect(again.quantile(0.5)).toBeCloseTo(250, -1);
    expect(again.quantile(1)).toBeGreaterThan(86_400_000 * 0.99);
  });

  it("has no percentiles when empty, and reads sub-millisecond durations as 0", () => {
    expect(new DurationSketch().quantile(0.5)).toBeNull();
    expect(DurationSketch.decode(null).count).toBe(0);
    expect(new DurationSketch().add(0.4).quantile(0.5)).toBe(0);
  });

  it("refuses bytes it did not write", () => {
    expect(() => DurationSketch.decode(Uint8Array.from([9, 1, 1]))).toThrow(/encoding 9/);
    expect(() => DurationSketch.decode(Uint8Array.from([1, 5, 0x81]))).toThrow(/ends inside a number/);
  });
});
