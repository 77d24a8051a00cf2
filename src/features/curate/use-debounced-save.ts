import { useEffect, useRef } from "react";

/**
 * Calls `save(value)` once typing pauses for `ms`, and flushes a pending save on unmount, so an
 * edit in progress survives a reload without a write per keystroke.
 */
export function useDebouncedSave<T>(
  value: T,
  save: (v: T) => void,
  ms = 400,
  enabled = true,
): void {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const pending = useRef<{ value: T } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    pending.current = { value };
    const t = setTimeout(() => {
      pending.current = null;
      saveRef.current(value);
    }, ms);
    return () => clearTimeout(t);
  }, [value, ms, enabled]);

  useEffect(
    () => () => {
      if (pending.current) saveRef.current(pending.current.value);
    },
    [],
  );
}
