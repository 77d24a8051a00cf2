/**
 * One monotonic progress bar for a WebLLM load. web-llm reports per phase and its `progress`
 * restarts at 0 in each phase (and stays at 0% while loading from a warm cache), so the phase is
 * read from the report's text and each phase owns a fixed span of the bar.
 */

/** Where a load is: before web-llm reports, downloading, reading the cache, compiling, ready. */
export type LoadPhase = "starting" | "fetch" | "cache" | "shaders" | "done";

/** What a progress bar shows for one load. */
export interface LoadProgress {
  /** 0..1, never decreasing during one load. */
  overall: number;
  phase: LoadPhase;
  /** Human text for the progress bar, with megabytes when web-llm reports them. */
  label: string;
  elapsedSeconds: number;
}

/** web-llm's InitProgressReport, structurally. */
export interface ProgressReportLike {
  progress: number;
  timeElapsed: number;
  text: string;
}

const ORDER: readonly LoadPhase[] = ["starting", "fetch", "cache", "shaders", "done"];
/** Downloads dominate a cold load; shader compilation dominates a warm one. */
const SPAN: Record<LoadPhase, readonly [number, number]> = {
  starting: [0, 0.02],
  fetch: [0.02, 0.75],
  cache: [0.75, 0.85],
  shaders: [0.85, 0.99],
  done: [1, 1],
};

interface Parsed {
  phase: LoadPhase;
  index?: number;
  total?: number;
  mb?: number;
}

const PATTERNS: readonly [LoadPhase, RegExp][] = [
  ["fetch", /^Start to fetch params/],
  ["fetch", /^Fetching param cache\[(\d+)\/(\d+)\]:\s*(\d+)\s*MB/],
  ["cache", /^Loading model from cache\[(\d+)\/(\d+)\]:\s*(\d+)\s*MB/],
  ["shaders", /^Loading GPU shader modules\[(\d+)\/(\d+)\]/],
  ["done", /^Finish loading/],
];

/** Reads the phase and counters from a report's text; null for text we do not recognise. */
export function parseReportText(text: string): Parsed | null {
  for (const [phase, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [index, total, mb] = [m[1], m[2], m[3]].map((g) => (g === undefined ? undefined : +g));
    return { phase, index, total, mb };
  }
  return null;
}

/** The progress shown before web-llm's first report (it fetches config and library first). */
export function initialLoadProgress(elapsedSeconds = 0): LoadProgress {
  return {
    overall: 0,
    phase: "starting",
    label: "Preparing: fetching the model config and library…",
    elapsedSeconds,
  };
}

/** Folds one report into the previous progress. Never moves the bar or the phase backwards. */
export function reduceLoadProgress(
  prev: LoadProgress,
  report: ProgressReportLike,
  elapsedSeconds: number,
): LoadProgress {
  const parsed = parseReportText(report.text);
  if (!parsed) return { ...prev, label: report.text || prev.label, elapsedSeconds };
  const phase = ORDER.indexOf(parsed.phase) < ORDER.indexOf(prev.phase) ? prev.phase : parsed.phase;
  const [lo, hi] = SPAN[parsed.phase];
  const byCount = parsed.index !== undefined && parsed.total ? parsed.index / parsed.total : 0;
  const byProgress = Number.isFinite(report.progress) ? report.progress : 0;
  const fraction = Math.min(1, Math.max(0, byCount, byProgress));
  const overall = Math.max(prev.overall, lo + (hi - lo) * fraction);
  return { overall, phase, label: labelFor(parsed, report.text), elapsedSeconds };
}

function labelFor(p: Parsed, text: string): string {
  const count = p.index !== undefined && p.total !== undefined ? ` ${p.index}/${p.total}` : "";
  const mb = p.mb !== undefined ? `, ${p.mb} MB` : "";
  switch (p.phase) {
    case "starting":
      return "Preparing…";
    case "fetch":
      return count ? `Downloading weights: shard${count}${mb}` : "Starting the download…";
    case "cache":
      return `Loading weights from the browser cache: shard${count}${mb}`;
    case "shaders":
      return `Compiling GPU shaders:${count}`;
    case "done":
      return `Ready (${text.replace(/^Finish loading on\s*/, "")})`;
  }
}

/** Tracks one load with a clock, so elapsed time spans all phases (web-llm's restarts). */
export function createLoadProgressTracker(now: () => number = Date.now): {
  current(): LoadProgress;
  update(report: ProgressReportLike): LoadProgress;
} {
  const start = now();
  const elapsed = (): number => Math.max(0, (now() - start) / 1000);
  let state = initialLoadProgress();
  return {
    current: () => ({ ...state, elapsedSeconds: elapsed() }),
    update(report) {
      state = reduceLoadProgress(state, report, elapsed());
      return state;
    },
  };
}
