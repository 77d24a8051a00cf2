/**
 * Opening the Pairs page on a given view from anywhere in the studio (an Insights chart, a
 * toast): the view lives in the URL, so a link is the URL and opening it is a history entry
 * plus an event the Pairs page listens for. Build the query with `viewToQuery` from
 * core/curation/url-query.ts, e.g. `openPairsView(viewToQuery({ ...EMPTY_VIEW, flags: ["duplicate"] }))`.
 */

/** Fired on `window` after the URL was set to a Pairs view; the Pairs page shows it. */
export const OPEN_PAIRS_EVENT = "ipt:open-pairs";

/** The URL (path and query) of the Pairs page showing the view `query` (from `viewToQuery`). */
export function pairsHref(query: string, path = "/"): string {
  return `${path}?view=pairs${query === "" ? "" : `&${query}`}`;
}

/** The history state that names the studio page an entry shows (other pages keep no URL). */
export interface PageState {
  page: string;
}

/** The page `state` names (see {@link openPairsView}), if any. */
export function pageOf(state: unknown): string | null {
  const page = (state as Partial<PageState> | null)?.page;
  return typeof page === "string" ? page : null;
}

/**
 * Shows the Pairs page with the view `query` as a new history entry. The page left, `from`,
 * is written on the entry it leaves, so Back returns to it.
 */
export function openPairsView(query: string, from: string, win: Window = window): void {
  win.history.replaceState({ page: from } satisfies PageState, "");
  win.history.pushState(null, "", pairsHref(query, win.location.pathname));
  win.dispatchEvent(new Event(OPEN_PAIRS_EVENT));
}
