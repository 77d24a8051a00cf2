import {
  FLAG_DESCRIPTIONS,
  FLAG_LABELS,
  GROUP_DESCRIPTION,
  groupLabel,
  orderFlags,
} from "../../../core/quality/flags";
import { TASK_TYPE_LABELS } from "../../../core/quality/task-type";
import type { PairsTableRow } from "../../../core/curation/pairs-index";
import type { PairStatus } from "../../../db";

const STATUS_STYLE: Record<PairStatus, string> = {
  pending: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200",
  accepted: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  rejected: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

export const STATUS_LABELS: Record<PairStatus, string> = {
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
};

export function StatusPill({ status }: { status: PairStatus }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function GroundingCell({ row }: { row: PairsTableRow }) {
  if (!row.scored && row.grounding === null) {
    return (
      <span className="text-xs text-neutral-400" title="Not scored yet">
        …
      </span>
    );
  }
  if (row.grounding === null) {
    return (
      <span className="text-xs text-neutral-400" title="The answer has no content word to ground">
        —
      </span>
    );
  }
  const pct = Math.round(row.grounding * 100);
  return (
    <span className="flex items-center gap-1.5" title={`Grounding ${pct}%`}>
      <span className="w-8 text-right text-xs tabular-nums">{row.grounding.toFixed(2)}</span>
      <span className="h-1.5 w-10 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800">
        <span
          className={`block h-full ${row.grounding < 0.5 ? "bg-amber-500" : "bg-indigo-500"}`}
          style={{ width: `${pct}%` }}
        />
      </span>
    </span>
  );
}

export function TaskTypeCell({ row }: { row: PairsTableRow }) {
  if (row.taskType === null) return <span className="text-xs text-neutral-400">—</span>;
  return (
    <span
      className="truncate text-xs"
      title={row.taskTypeSet ? "Set by a curator" : "From the classifier"}
    >
      {TASK_TYPE_LABELS[row.taskType]}
      {row.taskTypeSet && <span aria-label="(set by a curator)"> •</span>}
    </span>
  );
}

export function FlagBadges({ row }: { row: PairsTableRow }) {
  return (
    <span className="flex flex-wrap gap-1">
      {orderFlags(row.flags).map((f) => (
        <span
          key={f}
          title={FLAG_DESCRIPTIONS[f]}
          className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {FLAG_LABELS[f]}
        </span>
      ))}
      {row.group && (
        <span
          title={GROUP_DESCRIPTION}
          className="rounded bg-neutral-100 px-1.5 py-0.5 text-[11px] text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200"
        >
          {groupLabel(row.group)}
        </span>
      )}
    </span>
  );
}
