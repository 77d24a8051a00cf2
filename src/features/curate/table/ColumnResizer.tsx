import type { PointerEvent as ReactPointerEvent } from "react";

const MIN = 120;
const MAX = 1200;
const STEP = 40;

const clampWidth = (w: number) => Math.round(Math.min(MAX, Math.max(MIN, w)));

/** A drag handle on a column's right edge; arrow keys resize it too. */
export function ColumnResizer({
  label,
  width,
  onWidth,
}: {
  label: string;
  width: number;
  onWidth: (width: number) => void;
}) {
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onWidth(clampWidth(width + ev.clientX - startX));
    const up = () => {
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
    };
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
  };
  return (
    // A focusable separator is a widget (WAI-ARIA "window splitter"); the rule sees only the role.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable splitter
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
          e.preventDefault();
          onWidth(clampWidth(width + (e.key === "ArrowLeft" ? -STEP : STEP)));
        }
      }}
      className="absolute top-0 right-0 h-full w-2 cursor-col-resize touch-none hover:bg-indigo-300 focus-visible:bg-indigo-400 focus-visible:outline-none dark:hover:bg-indigo-700"
    />
  );
}
