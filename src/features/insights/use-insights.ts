import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Insights } from "../../core/insights/insights";
import { InsightsCancelled, insightsSignal, readInsights, type InsightsProgress } from "../../db";
import { studio } from "../../db/studio";

/** At most one automatic re-read per this many milliseconds while pairs keep changing. */
const THROTTLE_MS = 4000;

/** Gives the page a turn between batches (a macrotask, so input and paint can run). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface InsightsState {
  insights: Insights | null;
  /** Set while reading: pairs folded so far of the total. */
  progress: InsightsProgress | null;
  error: string | null;
  /** When the figures on screen were read. */
  readAt: number | null;
  refresh: () => void;
}

/**
 * The project's figures, read in batches (db/insights.ts) when the page opens and again when a
 * cheap index-only signal says the pairs changed, at most once per {@link THROTTLE_MS}. A read
 * that a newer one supersedes, or that outlives the page, stops at its next batch. Mount it
 * once per project (a `key`), so one project's figures never show under another's name.
 */
export function useInsights(projectId: string): InsightsState {
  const signal = useLiveQuery(() => insightsSignal(studio, projectId), [projectId]);
  const [insights, setInsights] = useState<Insights | null>(null);
  const [progress, setProgress] = useState<InsightsProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [readAt, setReadAt] = useState<number | null>(null);
  const lastRead = useRef(0);
  /** Stops the read in flight, if any. */
  const cancel = useRef<() => void>(() => undefined);

  const refresh = useCallback(() => {
    cancel.current();
    let live = true;
    cancel.current = () => {
      live = false;
    };
    lastRead.current = Date.now();
    setProgress({ done: 0, total: 0 });
    readInsights(studio, projectId, {
      live: () => live,
      pause,
      onProgress: (p) => {
        if (live) setProgress(p);
      },
    }).then(
      (r) => {
        if (!live) return;
        setInsights(r);
        setReadAt(Date.now());
        setError(null);
        setProgress(null);
      },
      (err: unknown) => {
        if (!live || err instanceof InsightsCancelled) return;
        setProgress(null);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  }, [projectId]);

  // The signal changed: read now, or when the throttle window ends.
  useEffect(() => {
    if (signal === undefined) return;
    const wait = Math.max(0, lastRead.current + THROTTLE_MS - Date.now());
    const t = setTimeout(refresh, wait);
    return () => clearTimeout(t);
  }, [signal, refresh]);

  // Leaving the page stops a read in flight.
  useEffect(() => () => cancel.current(), []);

  return { insights, progress, error, readAt, refresh };
}
