import { describe, expect, it } from "vitest";
import {
  createLoadProgressTracker,
  initialLoadProgress,
  parseReportText,
  reduceLoadProgress,
  type LoadProgress,
  type ProgressReportLike,
} from "./load-progress";

const TAIL =
  " It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.";
const fetching = (i: number, n: number, mb: number, pct: number): ProgressReportLike => ({
  progress: pct / 100,
  timeElapsed: i,
  text: `Fetching param cache[${i}/${n}]: ${mb}MB fetched. ${pct}% completed, ${i} secs elapsed.${TAIL}`,
});
const loading = (i: number, n: number, mb: number, pct: number): ProgressReportLike => ({
  progress: pct / 100,
  timeElapsed: i,
  text: `Loading model from cache[${i}/${n}]: ${mb}MB loaded. ${pct}% completed, ${i} secs elapsed.`,
});
const shaders = (i: number, m: number): ProgressReportLike => ({
  progress: i / m,
  timeElapsed: i,
  text: `Loading GPU shader modules[${i}/${m}]: ${Math.floor((i * 100) / m)}% completed, ${i} secs elapsed.`,
});
const start: ProgressReportLike = { progress: 0, timeElapsed: 0, text: "Start to fetch params" };
const finish: ProgressReportLike = {
  progress: 1,
  timeElapsed: 42.5,
  text: "Finish loading on WebGPU - google",
};

function run(reports: ProgressReportLike[]): LoadProgress[] {
  let state = initialLoadProgress();
  return reports.map((r, i) => (state = reduceLoadProgress(state, r, i)));
}

function expectMonotonic(states: LoadProgress[]): void {
  for (let i = 1; i < states.length; i++) {
    expect(states[i]?.overall).toBeGreaterThanOrEqual(states[i - 1]?.overall ?? 0);
  }
}

describe("load progress", () => {
  it("reads the phase, counters and megabytes from web-llm's texts", () => {
    expect(parseReportText(start.text)).toMatchObject({ phase: "fetch" });
    expect(parseReportText(fetching(3, 40, 512, 7).text)).toEqual({
      phase: "fetch",
      index: 3,
      total: 40,
      mb: 512,
    });
    expect(parseReportText(loading(2, 40, 30, 5).text)).toMatchObject({ phase: "cache", mb: 30 });
    expect(parseReportText(shaders(5, 73).text)).toMatchObject({ phase: "shaders", total: 73 });
    expect(parseReportText(finish.text)).toMatchObject({ phase: "done" });
    expect(parseReportText("something else")).toBeNull();
  });

  it("makes one monotonic bar across a cold load whose progress restarts per phase", () => {
    const states = run([
      start,
      fetching(1, 4, 980, 25),
      fetching(2, 4, 1960, 50),
      fetching(3, 4, 2940, 75),
      fetching(4, 4, 3920, 100),
      loading(1, 4, 980, 25),
      loading(4, 4, 3920, 100),
      shaders(0, 73),
      shaders(36, 73),
      shaders(73, 73),
      finish,
    ]);
    expectMonotonic(states);
    expect(states.map((s) => s.phase)).toEqual([
      "fetch",
      "fetch",
      "fetch",
      "fetch",
      "fetch",
      "cache",
      "cache",
      "shaders",
      "shaders",
      "shaders",
      "done",
    ]);
    expect(states[2]?.overall).toBeGreaterThan(0.3);
    expect(states[2]?.label).toBe("Downloading weights: shard 2/4, 1960 MB");
    expect(states[6]?.label).toBe("Loading weights from the browser cache: shard 4/4, 3920 MB");
    expect(states[8]?.label).toBe("Compiling GPU shaders: 36/73");
    expect(states.at(-1)).toMatchObject({ overall: 1, label: "Ready (WebGPU - google)" });
  });

  it("still advances on a warm cache where the cache phase reports 0% throughout", () => {
    const states = run([
      start,
      loading(0, 3, 0, 0),
      loading(1, 3, 0, 0),
      loading(2, 3, 0, 0),
      loading(3, 3, 0, 0),
      shaders(0, 73),
      shaders(20, 73),
      shaders(73, 73),
      finish,
    ]);
    expectMonotonic(states);
    const cache = states.slice(1, 5).map((s) => s.overall);
    expect(new Set(cache).size).toBe(4); // the shard counter moves the bar although % is 0
    expect(states[5]?.overall).toBe(states[4]?.overall); // shaders restart at 0%: no jump back
    expect(states.at(-1)?.phase).toBe("done");
  });

  it("never goes backwards on a late or repeated report", () => {
    const states = run([start, fetching(3, 4, 90, 75), fetching(1, 4, 30, 25), shaders(5, 73)]);
    expectMonotonic(states);
    const late = reduceLoadProgress(
      states[3] ?? initialLoadProgress(),
      fetching(4, 4, 120, 100),
      9,
    );
    expect(late.phase).toBe("shaders");
    expect(late.overall).toBe(states[3]?.overall);
  });

  it("keeps the bar and shows unknown texts as they are", () => {
    const [first, second] = run([
      fetching(2, 4, 10, 50),
      { progress: 0, timeElapsed: 0, text: "Hi" },
    ]);
    expect(second).toMatchObject({ overall: first?.overall, phase: "fetch", label: "Hi" });
  });

  it("measures elapsed time across phases with its own clock", () => {
    let t = 1_000;
    const tracker = createLoadProgressTracker(() => t);
    expect(tracker.current()).toMatchObject({ phase: "starting", overall: 0, elapsedSeconds: 0 });
    t = 4_000;
    expect(tracker.update(start).elapsedSeconds).toBe(3);
    t = 61_000;
    expect(tracker.update(shaders(1, 73)).elapsedSeconds).toBe(60); // web-llm's own restarts
  });
});
