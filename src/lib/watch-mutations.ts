import { Dexie, type ObservabilitySet } from "dexie";

/**
 * Reads now, then again after IndexedDB writes that `matches` (in this tab or another), never
 * two reads at once and never closer than `ms`: figures that change with every chunk of a batch
 * are read a few times a second, not after each of hundreds of writes. Each value goes to
 * `onValue` until the returned function stops the watch.
 *
 * `spacing`: "throttle" reads the first write after a quiet spell at once; "delay" always waits
 * `ms` after a write, so a burst of writes is read once at its end.
 */
export function watchMutations<T>(
  matches: (parts: ObservabilitySet) => boolean,
  read: () => Promise<T>,
  onValue: (value: T) => void,
  ms: number,
  spacing: "throttle" | "delay" = "throttle",
): () => void {
  let stopped = false;
  let running = false;
  let again = false;
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
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
      if (!stopped) onValue(value);
    } catch {
      // A failed read (the database closing on a project switch or a reload) keeps the last value.
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    const wait = spacing === "delay" ? ms : Math.max(0, lastRun + ms - Date.now());
    timer ??= setTimeout(() => void run(), wait);
  };
  const onMutated = (parts: ObservabilitySet) => {
    if (!stopped && matches(parts)) schedule();
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  void run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}

/** Whether a `storagemutated` event touched any of `tables` of the database `dbName`. */
export function touchesTables(dbName: string, tables: readonly string[]) {
  const prefixes = tables.map((t) => `idb://${dbName}/${t}/`);
  return (parts: ObservabilitySet): boolean =>
    Object.keys(parts).some((p) => prefixes.some((prefix) => p.startsWith(prefix)));
}
