import { niceMax } from "../format";
import { AXIS, BAR, GRID, MUTED_BAR, MUTED_TEXT, REFERENCE, REFERENCE_TEXT, TEXT } from "./palette";

export interface HistogramBin {
  label: string;
  value: number;
  /** Set apart after a gap and drawn in grey: not a value on the axis (e.g. "none"). */
  apart?: boolean;
}

export interface HistogramProps {
  bins: readonly HistogramBin[];
  summary: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** A dashed line for the paper's figure, at a position in bin units (0 = left edge of bin 0). */
  reference?: { at: number; label: string };
}

const W = 560;
const H = 238;
const LEFT = 52;
const RIGHT = 12;
const TOP = 30;
const BOTTOM = 44;

/** Vertical bars over ordered bins, with the count above each bar and labelled axes. */
export function Histogram({ bins, summary, title, xLabel, yLabel, reference }: HistogramProps) {
  const end = niceMax(Math.max(0, ...bins.map((b) => b.value)));
  const slots = bins.length + (bins.some((b) => b.apart) ? 0.5 : 0);
  const slot = (W - LEFT - RIGHT) / slots;
  const plotH = H - TOP - BOTTOM;
  const base = TOP + plotH;
  const y = (v: number) => base - (v / end) * plotH;
  // Bins set apart sit half a slot further right, after a gap.
  const placed = bins.map((b, i) => {
    const gaps = bins.slice(0, i + 1).filter((x) => x.apart).length;
    return { ...b, x: LEFT + (i + gaps * 0.5) * slot };
  });
  const ticks = [0, end / 2, end].filter((t) => Number.isInteger(t));
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-[560px]"
    >
      <title>{`${title}: ${summary}`}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} className={GRID} />
          <text
            x={LEFT - 6}
            y={y(t)}
            textAnchor="end"
            dominantBaseline="central"
            fontSize={11}
            className={`${MUTED_TEXT} tabular-nums`}
          >
            {t.toLocaleString("en-US")}
          </text>
        </g>
      ))}
      {placed.map((b) => {
        const top = y(b.value);
        return (
          <g key={b.label}>
            <rect
              x={b.x + slot * 0.1}
              y={top}
              width={slot * 0.8}
              height={Math.max(0, base - top)}
              rx={2}
              className={b.apart ? MUTED_BAR : BAR}
            />
            {b.value > 0 && (
              <text
                x={b.x + slot / 2}
                y={top - 4}
                textAnchor="middle"
                fontSize={10}
                className={`${TEXT} tabular-nums`}
              >
                {b.value.toLocaleString("en-US")}
              </text>
            )}
            <text
              x={b.x + slot / 2}
              y={base + 14}
              textAnchor="middle"
              fontSize={10}
              className={MUTED_TEXT}
            >
              {b.label}
            </text>
          </g>
        );
      })}
      <line x1={LEFT} x2={W - RIGHT} y1={base} y2={base} className={AXIS} />
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={base} className={AXIS} />
      {reference && (
        <g>
          <line
            x1={LEFT + reference.at * slot}
            x2={LEFT + reference.at * slot}
            y1={TOP - 26}
            y2={base}
            strokeDasharray="4 3"
            strokeWidth={1.5}
            className={REFERENCE}
          />
          <text
            x={LEFT + reference.at * slot + 4}
            y={TOP - 18}
            fontSize={10}
            className={REFERENCE_TEXT}
          >
            {reference.label}
          </text>
        </g>
      )}
      <text
        x={LEFT + (W - LEFT - RIGHT) / 2}
        y={H - 6}
        textAnchor="middle"
        fontSize={11}
        className={MUTED_TEXT}
      >
        {xLabel}
      </text>
      <text
        transform={`translate(12 ${TOP + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={11}
        className={MUTED_TEXT}
      >
        {yLabel}
      </text>
    </svg>
  );
}
