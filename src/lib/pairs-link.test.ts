import { describe, expect, it } from "vitest";
import { OPEN_PAIRS_EVENT, openPairsView, pageOf, pairsHref } from "./pairs-link";

describe("pairs links", () => {
  it("puts the page name first, then the view", () => {
    expect(pairsHref("")).toBe("/?view=pairs");
    expect(pairsHref("flag=duplicate", "/studio/")).toBe("/studio/?view=pairs&flag=duplicate");
  });

  it("pushes the URL, names the page left on its entry, and tells the page", () => {
    const pushed: string[] = [];
    const states: unknown[] = [];
    const events: string[] = [];
    const win = {
      location: { pathname: "/" },
      history: {
        pushState: (_s: unknown, _t: string, url: string) => pushed.push(url),
        replaceState: (s: unknown) => states.push(s),
      },
      dispatchEvent: (e: Event) => events.push(e.type),
    } as unknown as Window;
    openPairsView("status=pending", "insights", win);
    expect(pushed).toEqual(["/?view=pairs&status=pending"]);
    expect(states.map(pageOf)).toEqual(["insights"]);
    expect(pageOf(null)).toBeNull();
    expect(events).toEqual([OPEN_PAIRS_EVENT]);
  });
});
