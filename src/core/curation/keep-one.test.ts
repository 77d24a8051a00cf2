import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keepOnePerGroup, type GroupMember } from "./keep-one";

const m = (id: string, over: Partial<GroupMember> = {}): GroupMember => ({
  id,
  group: "g",
  status: "pending",
  grounding: null,
  createdAt: 0,
  ...over,
});

describe("keepOnePerGroup", () => {
  it("keeps the accepted pair even when another is better grounded", () => {
    const plan = keepOnePerGroup([
      m("a", { grounding: 0.9 }),
      m("b", { status: "accepted", grounding: 0.1 }),
      m("c", { grounding: 0.5 }),
    ]);
    expect(plan).toEqual({ keep: ["b"], reject: ["a", "c"] });
  });

  it("else keeps the best grounded, else the earliest", () => {
    expect(
      keepOnePerGroup([m("a", { grounding: 0.4 }), m("b", { grounding: 0.8, createdAt: 5 })]).keep,
    ).toEqual(["b"]);
    expect(
      keepOnePerGroup([
        m("a", { createdAt: 9 }),
        m("b", { createdAt: 3 }),
        m("c", { createdAt: 7 }),
      ]).keep,
    ).toEqual(["b"]);
    // An unscored pair loses to any score, even 0.
    expect(keepOnePerGroup([m("a"), m("b", { grounding: 0, createdAt: 1 })]).keep).toEqual(["b"]);
  });

  it("does not reject again the pairs already rejected", () => {
    const plan = keepOnePerGroup([m("a", { createdAt: 1 }), m("b", { status: "rejected" })]);
    expect(plan).toEqual({ keep: ["b"], reject: ["a"] });
    const plan2 = keepOnePerGroup([
      m("a", { status: "accepted" }),
      m("b", { status: "rejected" }),
      m("c"),
    ]);
    expect(plan2).toEqual({ keep: ["a"], reject: ["c"] });
  });

  it("treats each group on its own", () => {
    const plan = keepOnePerGroup([
      m("a", { group: "x", createdAt: 2 }),
      m("b", { group: "y", createdAt: 2 }),
      m("c", { group: "x", createdAt: 1 }),
    ]);
    expect(plan.keep.sort()).toEqual(["b", "c"]);
    expect(plan.reject).toEqual(["a"]);
  });

  const member = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    group: fc.constantFrom("g1", "g2", "g3"),
    status: fc.constantFrom("pending" as const, "accepted" as const, "rejected" as const),
    grounding: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    createdAt: fc.integer({ min: 0, max: 5 }),
  });
  const members = fc.uniqueArray(member, { selector: (x) => x.id, maxLength: 30 });

  it("keeps exactly one per group, never rejects it, and ignores input order", () => {
    fc.assert(
      fc.property(members, fc.nat(), (list, seed) => {
        const plan = keepOnePerGroup(list);
        expect(plan.keep.length).toBe(new Set(list.map((x) => x.group)).size);
        expect(plan.reject.some((id) => plan.keep.includes(id))).toBe(false);
        const shuffled = [...list].sort(
          (a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7),
        );
        const again = keepOnePerGroup(shuffled);
        expect(new Set(again.keep)).toEqual(new Set(plan.keep));
        expect(new Set(again.reject)).toEqual(new Set(plan.reject));
        // Every member is kept, rejected now, or already rejected.
        for (const x of list) {
          const covered =
            plan.keep.includes(x.id) || plan.reject.includes(x.id) || x.status === "rejected";
          expect(covered).toBe(true);
        }
      }),
    );
  });
});
