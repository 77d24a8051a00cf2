import { useEffect, useState } from "react";

/**
 * `value` once it has stopped changing for `ms` (the first defined value at once). The project
 * changes in bursts: the quality keeper rewrites thousands of pairs in the background, a batch
 * commits many chunks a second. The preview reads the whole project, so it waits for a pause.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), settled === undefined ? 0 : ms);
    return () => clearTimeout(timer);
  }, [value, ms, settled]);
  return settled;
}
