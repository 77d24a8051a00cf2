/*
 * SVG colours for light and dark mode. Text keeps WCAG AA contrast on the cards' backgrounds
 * (neutral-700 and neutral-500 on white, neutral-300 and neutral-400 on neutral-900).
 */
export const TEXT = "fill-neutral-700 dark:fill-neutral-300";
export const MUTED_TEXT = "fill-neutral-500 dark:fill-neutral-400";
export const BAR = "fill-indigo-600 dark:fill-indigo-400";
export const MUTED_BAR = "fill-neutral-400 dark:fill-neutral-500";
export const ACCEPTED = "fill-emerald-600 dark:fill-emerald-500";
export const REJECTED = "fill-rose-600 dark:fill-rose-500";
export const TRACK = "fill-neutral-100 dark:fill-neutral-800";
export const AXIS = "stroke-neutral-400 dark:stroke-neutral-600";
export const GRID = "stroke-neutral-200 dark:stroke-neutral-800";
export const REFERENCE = "stroke-amber-600 dark:stroke-amber-400";
export const REFERENCE_TEXT = "fill-amber-700 dark:fill-amber-300";
