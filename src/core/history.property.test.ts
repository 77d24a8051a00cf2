import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChange, applyStep, diffRow, type RowChange } from "./history";

interface Row {
  id: string;
  status: "pending" | "accepted" | "rejected";
  question: string;
  taskType?: string;
  flags?: string[];
}

const ids = ["a", "b", "c", "d", "e"];
const rowArb = (id: string): fc.Arbitrary<Row> =>
  fc
    .record(
      {
        id: fc.constant(id),
        status: fc.constantFrom("pending" as const, "accepted" as const, "rejected" as const),
        question: fc.string({ maxLength: 6 }),
        taskType: fc.constantFrom("freeFormQa", "math"),
        flags: fc.array(fc.constantFrom("x", "y"), { maxLength: 2 }),
      },
      { requiredKeys: ["id", "status", "question"] },
    )
    .map((r) => ({ ...r })); // plain objects, as rows read from the database are

/** A user action: for each touched id, the row it becomes (or null: deleted). */
const actionArb = fc.array(
  fc
    .constantFrom(...ids)
    .chain((id) => fc.tuple(fc.constant(id), fc.option(rowArb(id), { nil: null }))),
  { minLength: 1, maxLength: 4 },
);

const startArb = fc
  .subarray(ids)
  .chain((present) => fc.tuple(...present.map(rowArb)))
  .map((rows) => new Map(rows.map((r) => [r.id, r])));

/** Applies an action to `rows` like the database does, and returns its recorded changes. */
function perform(rows: Map<string, Row>, action: [string, Row | null][]): RowChange<Row>[] {
  const changes: RowChange<Row>[] = [];
  for (const [id, next] of action) {
    const change = diffRow(rows.get(id), next ?? undefined);
    if (!change) continue;
    changes.push(change);
    if (next === null) rows.delete(id);
    else rows.set(id, { ...next });
  }
  return changes;
}

const snapshot = (rows: Map<string, Row>) =>
  [...rows.values()].sort((x, y) => x.id.localeCompare(y.id));

describe("undo history", () => {
  it("doing any actions and then undoing all of them gives back the start state", () => {
    fc.assert(
      fc.property(startArb, fc.array(actionArb, { maxLength: 12 }), (start, actions) => {
        const rows = new Map(start);
        const before = snapshot(rows);
        const steps = actions.map((a) => perform(rows, a));
        const after = snapshot(rows);
        for (const step of [...steps].reverse()) applyStep(rows, step, "undo");
        expect(snapshot(rows)).toStrictEqual(before);
        // ...and redoing them all gives back the end state.
        for (const step of steps) applyStep(rows, step, "redo");
        expect(snapshot(rows)).toStrictEqual(after);
      }),
    );
  });

  it("undoing some steps then redoing them is the identity, at any point", () => {
    fc.assert(
      fc.property(
        startArb,
        fc.array(actionArb, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        (start, actions, k) => {
          const rows = new Map(start);
          const steps = actions.map((a) => perform(rows, a));
          const end = snapshot(rows);
          const back = k % (steps.length + 1);
          for (let i = steps.length - 1; i >= steps.length - back; i--) {
            applyStep(rows, steps[i] ?? [], "undo");
          }
          for (let i = steps.length - back; i < steps.length; i++) {
            applyStep(rows, steps[i] ?? [], "redo");
          }
          expect(snapshot(rows)).toStrictEqual(end);
        },
      ),
    );
  });

  it("records only the fields that changed, and removes fields on undo", () => {
    const was: Row = { id: "a", status: "pending", question: "q" };
    const now: Row = { id: "a", status: "rejected", question: "q", taskType: "math" };
    const change = diffRow(was, now);
    expect(change).toEqual({
      id: "a",
      before: { status: "pending", taskType: undefined },
      after: { status: "rejected", taskType: "math" },
    });
    expect(applyChange(now, change as RowChange<Row>, "undo")).toStrictEqual(was);
    expect(diffRow(was, { ...was })).toBeNull();
  });

  it("an undo on top of an unrelated later change keeps that change", () => {
    const was: Row = { id: "a", status: "pending", question: "q" };
    const change = diffRow(was, { ...was, status: "accepted" }) as RowChange<Row>;
    // Meanwhile the quality keeper (not an undoable action) set flags.
    const current: Row = { ...was, status: "accepted", flags: ["x"] };
    expect(applyChange(current, change, "undo")).toEqual({ ...was, flags: ["x"] });
  });
});
