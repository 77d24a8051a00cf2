import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LshTable } from "./lsh-table";

function cellsOf(table: LshTable, key: number): number[] {
  const out: number[] = [];
  for (let c = table.first(key); c !== 0; c = table.after(c - 1)) out.push(c - 1);
  return out;
}

describe("LshTable", () => {
  it("keeps buckets newest first and removes from any position", () => {
    const table = new LshTable(4);
    for (const cell of [0, 1, 2, 3]) table.add(7, cell);
    table.add(8, 4);
    expect(cellsOf(table, 7)).toEqual([3, 2, 1, 0]);
    table.remove(7, 2);
    table.remove(7, 3);
    table.remove(7, 9); // not there: nothing happens
    expect(cellsOf(table, 7)).toEqual([1, 0]);
    expect([table.count(7), table.count(8), table.count(9)]).toEqual([2, 1, 0]);
  });

  it("behaves like a map of sets under any sequence of adds and removes", () => {
    // Few distinct keys force collisions and long probe runs; many operations force resizes.
    const arbOp = fc.tuple(fc.boolean(), fc.nat({ max: 40 }), fc.nat({ max: 300 }));
    fc.assert(
      fc.property(
        fc.array(arbOp, { maxLength: 600 }),
        fc.constantFrom(1, 3, 2 ** 30 - 1),
        (ops, spread) => {
          const table = new LshTable(1);
          const model = new Map<number, Set<number>>();
          const where = new Map<number, number>(); // a cell lives in one bucket at a time
          for (const [adding, k, cell] of ops) {
            const key = (k * spread) % 2 ** 30;
            if (adding && !where.has(cell)) {
              table.add(key, cell);
              where.set(cell, key);
              model.set(key, (model.get(key) ?? new Set()).add(cell));
            } else if (!adding && where.get(cell) === key) {
              table.remove(key, cell);
              where.delete(cell);
              model.get(key)?.delete(cell);
            }
          }
          for (let k = 0; k <= 40; k++) {
            const key = (k * spread) % 2 ** 30;
            const expected = [...(model.get(key) ?? [])].sort((a, b) => a - b);
            expect(cellsOf(table, key).sort((a, b) => a - b)).toEqual(expected);
            expect(table.count(key)).toBe(expected.length);
          }
        },
      ),
    );
  });
});
