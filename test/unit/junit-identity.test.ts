import { describe, expect, it } from "vitest";
import { type IdentityHash, IdentityTable, testId } from "../../core/junit/identity.ts";

/** A deterministic stream of 64-bit hashes (xorshift), so failures are reproducible. */
function hashes(count: number, seed: number): IdentityHash[] {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return Array.from({ length: count }, () => ({ high: next(), low: next() }));
}

describe("test identity", () => {
  it("is stable and distinguishes every part", () => {
    const base = { suitePath: ["outer", "inner"], classname: "pkg.A", name: "works", file: "a.test.ts" };
    expect(testId(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(testId({ ...base })).toBe(testId(base));
    const variants = [
      { ...base, suitePath: ["outer"] },
      { ...base, suitePath: ["outer", "inner", ""] },
      { ...base, suitePath: ["outerinner"] },
      { ...base, classname: "pkg.B" },
      { ...base, name: "works " },
      { ...base, file: null },
      { ...base, classname: "pkg.Aworks", name: "" },
    ];
    const ids = new Set([testId(base), ...variants.map(testId)]);
    expect(ids.size).toBe(variants.length + 1);
  });

  it("gives the ids it always gave: stored histories are keyed by them", () => {
    // Computed before the hash's mixing was shared between its parts (the ids must not move).
    const orders = {
      suitePath: ["shop", "orders"],
      classname: "com.example.OrdersIT",
      name: "createsAnOrder",
    };
    expect(testId({ ...orders, file: null })).toBe("df2465f792aa0bb3");
    expect(testId({ ...orders, file: "src/test/OrdersIT.java" })).toBe("62c0a875d2ee24e3");
    expect(testId({ suitePath: [], classname: "", name: "ünïcödé 🎉", file: "" })).toBe("c841a2d485b3ed44");
  });
});

describe("identity table", () => {
  it("finds every inserted hash across many growths, and keeps its value", () => {
    const table = new IdentityTable(0x3f);
    const inserted = hashes(200_000, 7);
    inserted.forEach((hash, i) => {
      expect(table.findOrInsert(hash, i & 0x3f)).toBe(-1);
    });
    inserted.forEach((hash, i) => {
      const handle = table.find(hash);
      expect(handle).toBeGreaterThanOrEqual(0);
      expect(table.get(handle)).toBe(i & 0x3f);
    });
    for (const other of hashes(1_000, 99)) expect(table.find(other)).toBe(-1);
  });

  it("updates a value in place and reports a second insert as found", () => {
    const table = new IdentityTable(0xfffffffe);
    const [hash] = hashes(1, 3) as [IdentityHash];
    expect(table.findOrInsert(hash, 123_456)).toBe(-1);
    const handle = table.findOrInsert(hash, 1);
    expect(handle).toBeGreaterThanOrEqual(0);
    expect(table.get(handle)).toBe(123_456);
    table.set(handle, 7);
    expect(table.get(table.find(hash))).toBe(7);
  });
});
