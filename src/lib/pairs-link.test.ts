import { describe, expect, it } from "vitest";
import { OPEN_PAIRS_EVENT, openPairsView, pairsHref } from "./pairs-link";

describe("pairs links", () => {
  it("puts the page name first, then the view", () => {
    expect(pairsHref("")).toBe("/?view=pairs");
    expect(pairsHref("flag=duplicate", "/studio/")).toBe("/studio/?view=pairs&flag=duplicate");
  });

  it("pushes the URL and tells the page", () => {
    const pushed: string[] = [];
    const events: string[] = [];
    const win = {
      location: { pathname: "/" },
      history: { pushState: (_s: unknown, _t: string, url: string) => pushed.push(url) },
      dispatchEvent: (e: Event) => events.push(e.type),
    } as unknown as Window;
    openPairsView("status=pending", win);
    expect(pushed).toEqual(["/?view=pairs&status=pending"]);
    expect(events).toEqual([OPEN_PAIRS_EVENT]);
  });
});
