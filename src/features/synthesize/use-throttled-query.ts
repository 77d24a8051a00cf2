import { Dexie, type ObservabilitySet } from "dexie";
import { useEffect, useState } from "react";
import { studio } from "../../db/studio";

/**
 * `read()`'s result, read again after writes to any of `tables` (at most once per `ms`), and
 * at once when `key` changes. For figures that change with every chunk of a batch (progress,
 * pending counts): a live query would re-run after each of hundreds of commits a second, while
 * a person reads a few updates a second. `key` names the query (`read` is a new closure on
 * every render); null reads nothing.
 */
export function useThrottledQuery<T>(
  read: () => Promise<T>,
  key: string | null,
  tables: readonly string[],
  ms: number,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  const watched = tables.map((t) => `idb://${studio.db.name}/${t}/`).join("\n");
  useEffect(() => {
    if (key === null) return;
    const prefixes = watched.split("\n");
    let stopped = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRun = -Infinity;
    const run = async () => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = true;
      lastRun = Date.now();
      try {
        const value = await read();
        if (!stopped) setState({ key, value });
      } catch {
        // A failed read (the database closing on a project switch) keeps the last value.
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      }
    };
    // The first change after a quiet spell is read at once; then at most one read per `ms`.
    const schedule = () => {
      timer ??= setTimeout(() => void run(), Math.max(0, lastRun + ms - Date.now()));
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((p) => prefixes.some((prefix) => p.startsWith(prefix)))) {
        schedule();
      }
    };
    Dexie.on.storagemutated.subscribe(onMutated);
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, watched, ms]);
  return state?.key === key ? state.value : undefined;
}
