import { percent } from "../format";
import {
  ACCEPTED,
  AXIS,
  GRID,
  MUTED_TEXT,
  REFERENCE,
  REFERENCE_TEXT,
  REJECTED,
  TEXT,
  TRACK,
} from "./palette";

export interface AcceptanceDatum {
  key: string;
  label: string;
  accepted: number;
  rejected: number;
  pending: number;
}

export interface AcceptanceChartProps {
  data: readonly AcceptanceDatum[];
  summary: string;
  title: string;
  /** A dashed line at a percentage, for the paper's figure. */
  reference?: { at: number; label: string };
}

const W = 640;
const LABEL_W = 176;
const VALUE_W = 124;
const ROW = 24;
const BAR_H = 15;
const TOP = 30;
const AXIS_H = 40;

/**
 * One bar per category over its reviewed pairs: the accepted share in green, the rejected in
 * red, so the rates line up on one 0–100% axis. Pending pairs are counted in the text only.
 */
export function AcceptanceChart({ data, summary, title, reference }: AcceptanceChartProps) {
  const plotW = W - LABEL_W - VALUE_W;
  const x = (share: number) => LABEL_W + share * plotW;
  const axisY = TOP + data.length * ROW + 4;
  const h = axisY + AXIS_H;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${W} ${h}`}
      className="h-auto w-full max-w-[640px]"
    >
      <title>{`${title}: ${summary}`}</title>
      <g fontSize={11}>
        <rect x={LABEL_W} y={4} width={10} height={10} rx={2} className={ACCEPTED} />
        <text x={LABEL_W + 14} y={9} dominantBaseline="central" className={TEXT}>
          accepted
        </text>
        <rect x={LABEL_W + 80} y={4} width={10} height={10} rx={2} className={REJECTED} />
        <text x={LABEL_W + 94} y={9} dominantBaseline="central" className={TEXT}>
          rejected
        </text>
      </g>
      {ticks.map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={TOP} y2={axisY} className={GRID} />
      ))}
      {data.map((d, i) => {
        const y = TOP + i * ROW + (ROW - BAR_H) / 2;
        const reviewed = d.accepted + d.rejected;
        const share = reviewed === 0 ? 0 : d.accepted / reviewed;
        return (
          <g key={d.key}>
            <text
              x={LABEL_W - 8}
              y={y + BAR_H / 2}
              textAnchor="end"
              dominantBaseline="central"
              fontSize={12}
              className={TEXT}
            >
              {d.label}
            </text>
            <rect x={LABEL_W} y={y} width={plotW} height={BAR_H} rx={2} className={TRACK} />
            {reviewed > 0 && (
              <>
                <rect x={LABEL_W} y={y} width={share * plotW} height={BAR_H} className={ACCEPTED} />
                <rect
                  x={x(share)}
                  y={y}
                  width={(1 - share) * plotW}
                  height={BAR_H}
                  className={REJECTED}
                />
              </>
            )}
            <text
              x={W - VALUE_W + 8}
              y={y + BAR_H / 2}
              dominantBaseline="central"
              fontSize={12}
              className={`${reviewed === 0 ? MUTED_TEXT : TEXT} tabular-nums`}
            >
              {reviewed === 0
                ? `none reviewed (${d.pending})`
                : `${percent(d.accepted, reviewed)} of ${reviewed}${d.pending ? ` (+${d.pending})` : ""}`}
            </text>
          </g>
        );
      })}
      {reference && (
        <g>
          <line
            x1={x(reference.at / 100)}
            x2={x(reference.at / 100)}
            y1={TOP - 6}
            y2={axisY}
            strokeDasharray="4 3"
            strokeWidth={1.5}
            className={REFERENCE}
          />
          <text x={x(reference.at / 100) + 4} y={TOP - 8} fontSize={10} className={REFERENCE_TEXT}>
            {reference.label}
          </text>
        </g>
      )}
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
          {`${t * 100}%`}
        </text>
      ))}
      <text
        x={LABEL_W + plotW / 2}
        y={axisY + 32}
        textAnchor="middle"
        fontSize={11}
        className={MUTED_TEXT}
      >
        Share of reviewed pairs (accepted or rejected)
      </text>
    </svg>
  );
}
