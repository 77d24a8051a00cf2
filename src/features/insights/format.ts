/** A count with thousands separators. */
export const count = (n: number): string => n.toLocaleString("en-US");

/** A fraction as a percentage: one decimal below 10%, none above (0 and 100 stay exact). */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "–";
  const p = (part / whole) * 100;
  if (p === 0 || p === 100) return `${p}%`;
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

/** One decimal, for means. */
export const decimal = (x: number | null): string => (x === null ? "–" : x.toFixed(1));

/** A round number at or above `v` (1, 2 or 5 times a power of ten), for an axis's end. */
export function niceMax(v: number): number {
  if (v <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
