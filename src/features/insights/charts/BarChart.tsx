import { openPairsView, pairsHref } from "../../../lib/pairs-link";
import { niceMax } from "../format";
import { AXIS, BAR, GRID, MUTED_BAR, MUTED_TEXT, TEXT } from "./palette";

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** What the bar's end says, e.g. "42 · 12%". */
  valueText: string;
  /** Drawn in grey: not a category of its own (e.g. "not scored yet"). */
  muted?: boolean;
  /** The Pairs page's view of this bar's pairs (a `viewToQuery` string): the bar opens it. */
  pairsQuery?: string;
}

export interface BarChartProps {
  data: readonly BarDatum[];
  /** One sentence that says what a sighted reader takes from the chart. */
  summary: string;
  title: string;
  xLabel: string;
  /** Format of the axis's tick values. */
  tick?: (v: number) => string;
  /** The axis's end; by default a round number at or above the largest value. */
  max?: number;
}

const W = 640;
const LABEL_W = 176;
const VALUE_W = 110;
const ROW = 24;
const BAR_H = 15;
const AXIS_H = 40;

/** Horizontal bars, one row per category, with the value at each bar's end. */
export function BarChart({ data, summary, title, xLabel, tick = String, max }: BarChartProps) {
  const end = max ?? niceMax(Math.max(0, ...data.map((d) => d.value)));
  const plotW = W - LABEL_W - VALUE_W;
  const x = (v: number) => LABEL_W + (end === 0 ? 0 : (v / end) * plotW);
  const h = data.length * ROW + AXIS_H;
  const axisY = data.length * ROW + 4;
  const ticks = [0, end / 2, end];
  // With links, the chart is a group of them (an image hides what it holds from assistive tech).
  const linked = data.some((d) => d.pairsQuery !== undefined);
  return (
    <svg
      role={linked ? "group" : "img"}
      aria-label={summary}
      viewBox={`0 0 ${W} ${h}`}
      className="h-auto w-full max-w-[640px]"
    >
      <title>{`${title}: ${summary}`}</title>
      {ticks.map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={axisY} className={GRID} strokeWidth={1} />
      ))}
      {data.map((d, i) => {
        const y = i * ROW + (ROW - BAR_H) / 2;
        const w = Math.max(0, x(d.value) - LABEL_W);
        const bar = (
          <g key={d.key}>
            <text
              x={LABEL_W - 8}
              y={y + BAR_H / 2}
              textAnchor="end"
              dominantBaseline="central"
              fontSize={12}
              className={d.muted ? MUTED_TEXT : TEXT}
            >
              {d.label}
            </text>
            <rect
              x={LABEL_W}
              y={y}
              width={d.value > 0 ? Math.max(w, 2) : 0}
              height={BAR_H}
              rx={2}
              className={d.muted ? MUTED_BAR : BAR}
            />
            <text
              x={x(d.value) + 6}
              y={y + BAR_H / 2}
              dominantBaseline="central"
              fontSize={12}
              className={`${TEXT} tabular-nums`}
            >
              {d.valueText}
            </text>
          </g>
        );
        const query = d.pairsQuery;
        if (query === undefined) return bar;
        return (
          <a
            key={d.key}
            href={pairsHref(query)}
            aria-label={`${d.label}: ${d.valueText}. Show these pairs in the Pairs table`}
            className="cursor-pointer opacity-100 hover:opacity-80 focus-visible:outline-2 focus-visible:outline-indigo-500"
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey) return; // a new tab or window
              e.preventDefault();
              openPairsView(query, "insights");
            }}
          >
            <rect x={0} y={i * ROW} width={W} height={ROW} fill="transparent" />
            {bar}
          </a>
        );
      })}
      <line x1={LABEL_W} x2={LABEL_W + plotW} y1={axisY} y2={axisY} className={AXIS} />
      {ticks.map((t) => (
        <text
          key={t}
          x={x(t)}
          y={axisY + 14}
          textAnchor="middle"
          fontSize={11}
          className={MUTED_TEXT}
        >
          {tick(t)}
        </text>
      ))}
      <text
        x={LABEL_W + plotW / 2}
        y={axisY + 32}
        textAnchor="middle"
        fontSize={11}
        className={MUTED_TEXT}
      >
        {xLabel}
      </text>
    </svg>
  );
}
