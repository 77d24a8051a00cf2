import {
  parseQuery,
  viewFromQuery,
  viewToQuery,
  VIEW_PARAMS,
} from "../../../core/curation/url-query";
import { OPEN_PAIRS_EVENT, pageOf } from "../../../lib/pairs-link";
import { useCuration } from "../../../stores/curation-store";
import { isView, useUi } from "../../../stores/ui-store";

/*
 * The Pairs page's view lives in the URL (`?view=pairs&status=pending&q=…`), so it can be
 * bookmarked: opening such a URL opens the Pairs page on that view, and every change of filter,
 * search or sort rewrites the URL in place (no history entry per keystroke). Leaving the page
 * takes its parameters out of the URL; parameters of others are left alone.
 */

const OWN = new Set<string>(["view", ...VIEW_PARAMS]);

/** The current query without this page's parameters, as `name=value` parts (still encoded). */
function otherParams(search: string): string[] {
  const body = search.startsWith("?") ? search.slice(1) : search;
  return body.split("&").filter((part) => {
    if (part === "") return false;
    const name = parseQuery(part).keys().next().value;
    return name === undefined || !OWN.has(name);
  });
}

function writeUrl(onPairs: boolean): void {
  const parts = otherParams(window.location.search);
  if (onPairs) {
    const view = viewToQuery(useCuration.getState().view);
    parts.unshift(...["view=pairs", view].filter((p) => p !== ""));
  }
  const search = parts.length > 0 ? `?${parts.join("&")}` : "";
  if (search === window.location.search) return;
  window.history.replaceState(
    window.history.state,
    "",
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

/**
 * Shows the view the URL names, when it names the Pairs page; else, after Back, the page the
 * history entry names (a link into the Pairs page names the page it left, lib/pairs-link.ts).
 */
function readUrl(): void {
  const params = parseQuery(window.location.search);
  if (params.get("view") !== "pairs") {
    const page = pageOf(window.history.state);
    if (page !== null && isView(page) && useUi.getState().view === "pairs")
      useUi.getState().setView(page);
    return;
  }
  useCuration.getState().setView(viewFromQuery(window.location.search));
  useUi.getState().setView("pairs");
}

let installed = false;

/** Connects the URL, the curation store and the UI store's view. Safe to call more than once. */
export function installUrlSync(): void {
  if (installed || typeof window === "undefined") return;
  installed = true;
  readUrl();
  useUi.subscribe((s, prev) => {
    if (s.view !== prev.view) writeUrl(s.view === "pairs");
  });
  useCuration.subscribe((s, prev) => {
    if (s.view !== prev.view && useUi.getState().view === "pairs") writeUrl(true);
  });
  window.addEventListener("popstate", readUrl);
  window.addEventListener(OPEN_PAIRS_EVENT, readUrl);
}
