import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAGS } from "../quality/flags";
import { TASK_TYPES } from "../quality/task-type";
import { parseQuery, viewFromQuery, viewToQuery } from "./url-query";
import { EMPTY_VIEW, SORT_KEYS, STATUSES, type PairsView } from "./view";

describe("the view in the URL", () => {
  it("writes nothing for the default view", () => {
    expect(viewToQuery(EMPTY_VIEW)).toBe("");
    expect(viewFromQuery("")).toEqual(EMPTY_VIEW);
  });

  it("writes a readable query", () => {
    const view: PairsView = {
      ...EMPTY_VIEW,
      statuses: ["pending", "accepted"],
      flags: ["duplicate"],
      groundingMin: 0.2,
      groundingMax: null,
      search: "cell division & more",
      sort: { key: "grounding", desc: true },
    };
    const q = viewToQuery(view);
    expect(q).toBe(
      "status=pending,accepted&flag=duplicate&grounding=0.2..&q=cell+division+%26+more&sort=-grounding",
    );
    expect(viewFromQuery(`?${q}`)).toEqual(view);
  });

  it("drops what it does not know and clamps the range", () => {
    const view = viewFromQuery(
      "?status=pending,nope&type=math,bogus&flag=weird&grounding=-1..7&sort=sideways&q=%E0%A4%A&x=1",
    );
    expect(view.statuses).toEqual(["pending"]);
    expect(view.taskTypes).toEqual(["math"]);
    expect(view.flags).toEqual([]);
    expect([view.groundingMin, view.groundingMax]).toEqual([0, 1]);
    expect(view.sort).toEqual(EMPTY_VIEW.sort);
    expect(view.search).toBe("");
  });

  it("keeps the first of repeated names", () => {
    expect(parseQuery("a=1&a=2&b").get("a")).toBe("1");
    expect(parseQuery("a=1&a=2&b").get("b")).toBe("");
  });

  const view: fc.Arbitrary<PairsView> = fc.record({
    statuses: fc.uniqueArray(fc.constantFrom(...STATUSES)),
    documents: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9:_-]{1,12}$/), { maxLength: 4 }),
    taskTypes: fc.uniqueArray(fc.constantFrom(...TASK_TYPES)),
    flags: fc.uniqueArray(fc.constantFrom(...FLAGS)),
    groundingMin: fc.option(fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), {
      nil: null,
    }),
    groundingMax: fc.option(fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), {
      nil: null,
    }),
    search: fc.string({ unit: "grapheme", maxLength: 20 }),
    sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), desc: fc.boolean() }),
  });

  it("reads back every view it writes", () => {
    fc.assert(
      fc.property(view, (v) => {
        // -0 and 0 are the same grounding.
        const norm = (x: PairsView) => ({
          ...x,
          groundingMin: x.groundingMin === null ? null : x.groundingMin + 0,
          groundingMax: x.groundingMax === null ? null : x.groundingMax + 0,
        });
        expect(norm(viewFromQuery(viewToQuery(v)))).toEqual(norm(v));
      }),
    );
  });

  it("never throws on any query string", () => {
    fc.assert(fc.property(fc.string(), (s) => void viewFromQuery(s)));
  });
});
