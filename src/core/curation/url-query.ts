import { FLAGS, type Flag } from "../quality/flags";
import { TASK_TYPES, type TaskType } from "../quality/task-type";
import type { PairStatus } from "../rows";
import {
  DEFAULT_SORT,
  EMPTY_VIEW,
  SORT_KEYS,
  STATUSES,
  type PairsView,
  type SortKey,
} from "./view";

/**
 * The curation view in a URL query string, so a view can be bookmarked and shared:
 *
 *   status=pending,accepted  doc=<id>,<id>  type=math,code  flag=duplicate
 *   grounding=0.2..0.8 (either end may be empty)  q=<search>  sort=-grounding (minus: descending)
 *
 * Defaults are left out. Unknown values are dropped rather than rejected: an old bookmark still
 * opens, showing what it still can. Parameters this codec does not own are kept by the caller.
 */

/** The parameter names this codec reads and writes. */
export const VIEW_PARAMS = ["status", "doc", "type", "flag", "grounding", "q", "sort"] as const;

/** The query string (without "?") for a view; empty for the default view. */
export function viewToQuery(view: PairsView): string {
  const parts: [string, string][] = [];
  const list = (name: string, values: readonly string[]) => {
    if (values.length > 0) parts.push([name, values.join(",")]);
  };
  list("status", view.statuses);
  list("doc", view.documents);
  list("type", view.taskTypes);
  list("flag", view.flags);
  if (view.groundingMin !== null || view.groundingMax !== null) {
    parts.push(["grounding", `${view.groundingMin ?? ""}..${view.groundingMax ?? ""}`]);
  }
  if (view.search !== "") parts.push(["q", view.search]);
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.desc !== DEFAULT_SORT.desc) {
    parts.push(["sort", `${view.sort.desc ? "-" : ""}${view.sort.key}`]);
  }
  return parts.map(([k, v]) => `${k}=${encodeParam(v)}`).join("&");
}

/** The view a query string (with or without "?") describes. Never throws. */
export function viewFromQuery(query: string): PairsView {
  const params = parseQuery(query);
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const raw = params.get(name);
    if (raw === undefined) return [];
    const ok = new Set<string>(allowed);
    return unique(raw.split(",").filter((v): v is T => ok.has(v)));
  };
  const [min, max] = groundingRange(params.get("grounding"));
  return {
    statuses: list<PairStatus>("status", STATUSES),
    documents: unique((params.get("doc") ?? "").split(",").filter((d) => d !== "")),
    taskTypes: list<TaskType>("type", TASK_TYPES),
    flags: list<Flag>("flag", FLAGS),
    groundingMin: min,
    groundingMax: max,
    search: params.get("q") ?? "",
    sort: sortOf(params.get("sort")),
  };
}

/** The query's parameters, decoded; the first of repeated names wins. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = query.startsWith("?") ? query.slice(1) : query;
  for (const part of body.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeParam(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decodeParam(part.slice(eq + 1));
    if (name !== null && value !== null && !out.has(name)) out.set(name, value);
  }
  return out;
}

/** `encodeURIComponent`, with a space as "+" and "," left readable (ids and names hold none). */
export function encodeParam(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+").replace(/%2C/g, ",");
}

function decodeParam(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function groundingRange(raw: string | undefined): [number | null, number | null] {
  if (raw === undefined) return [null, null];
  const [lo = "", hi = ""] = raw.split("..");
  const num = (s: string): number | null => {
    if (s.trim() === "") return null;
    const n = Number(s);
    return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : null;
  };
  return [num(lo), num(hi)];
}

function sortOf(raw: string | undefined): PairsView["sort"] {
  if (raw === undefined) return EMPTY_VIEW.sort;
  const desc = raw.startsWith("-");
  const key = desc ? raw.slice(1) : raw;
  return (SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as SortKey, desc }
    : EMPTY_VIEW.sort;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
