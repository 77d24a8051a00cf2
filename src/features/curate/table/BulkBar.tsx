import { useState } from "react";
import { TASK_TYPES, TASK_TYPE_LABELS, type TaskType } from "../../../core/quality/task-type";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { ProgressBar } from "../../../components/ProgressBar";
import { attempt, useUi } from "../../../stores/ui-store";
import { planBulk, runBulk, type BulkAction, type BulkPlan } from "./bulk-actions";
import { holdForBulkAction } from "../bulk-hold";
import { countsAndTimeLeft } from "../../../core/progress";
import type { ViewIds } from "./view-ids";

export interface BulkBarProps {
  projectId: string;
  selected: readonly string[];
  /** Every pair matching the filter and search. */
  matching: ViewIds;
  onClearSelection: () => void;
  onSelectAll: () => void;
}

/** A running bulk action: how far it is, and how long it has run (for the time left). */
interface BulkProgress {
  label: string;
  done: number;
  total: number;
  elapsedMs: number;
}

/**
 * Bulk actions on the selection, or on every pair matching the filter when nothing is
 * selected. Each asks first, stating the exact count, then runs in batches with a progress bar.
 */
export function BulkBar({ projectId, selected, matching, ...props }: BulkBarProps) {
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [taskType, setTaskType] = useState<TaskType | "">("");
  const pushToast = useUi((s) => s.pushToast);
  const onSelection = selected.length > 0;
  const scopeLabel = onSelection
    ? `The ${selected.length.toLocaleString("en-US")} selected pairs.`
    : `Every pair matching the current filter and search.`;
  const busy = progress !== null;

  const ask = (action: BulkAction) =>
    attempt(
      async () =>
        setPlan(await planBulk(action, onSelection ? selected : matching.idsByKey(), scopeLabel)),
      "Bulk action",
    );

  const run = (p: BulkPlan) => {
    setPlan(null);
    if (p.ids.length === 0) return;
    const startedAt = Date.now();
    setProgress({ label: p.confirm, done: 0, total: p.ids.length, elapsedMs: 0 });
    attempt(async () => {
      // The table and the quality keeper follow once the whole action is written, not after
      // each of its batches.
      const release = holdForBulkAction();
      try {
        const changed = await runBulk(projectId, p, {
          onProgress: (done, total) =>
            setProgress({ label: p.confirm, done, total, elapsedMs: Date.now() - startedAt }),
        });
        if (p.action.kind === "delete") props.onClearSelection();
        pushToast({
          tone: "success",
          message: `${p.confirm}: ${changed.toLocaleString("en-US")} pairs changed.`,
        });
      } finally {
        release();
        setProgress(null);
      }
    }, p.confirm);
  };

  const disabled = busy || (onSelection ? selected : matching).length === 0;
  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 border-b border-neutral-200 px-4 py-2 text-xs dark:border-neutral-800"
    >
      <span className="font-medium">
        {onSelection
          ? `${selected.length.toLocaleString("en-US")} selected`
          : `All ${matching.length.toLocaleString("en-US")} matching`}
      </span>
      {onSelection ? (
        <Button size="sm" variant="ghost" onClick={props.onClearSelection}>
          Clear selection
        </Button>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          disabled={matching.length === 0}
          onClick={props.onSelectAll}
        >
          Select all
        </Button>
      )}
      <span className="mx-1 h-4 w-px bg-neutral-300 dark:bg-neutral-700" aria-hidden />
      <Button size="sm" disabled={disabled} onClick={() => ask({ kind: "accept" })}>
        Accept…
      </Button>
      <Button size="sm" disabled={disabled} onClick={() => ask({ kind: "reject" })}>
        Reject…
      </Button>
      <Button size="sm" disabled={disabled} onClick={() => ask({ kind: "reset" })}>
        Reset…
      </Button>
      <Button size="sm" disabled={disabled} onClick={() => ask({ kind: "delete" })}>
        Delete…
      </Button>
      <label className="flex items-center gap-1">
        <span className="sr-only">Task type to set</span>
        <select
          value={taskType}
          onChange={(e) => setTaskType(e.target.value as TaskType | "")}
          className="rounded-md border border-neutral-300 bg-transparent px-1.5 py-1 dark:border-neutral-700"
        >
          <option value="">Classifier's type</option>
          {TASK_TYPES.map((t) => (
            <option key={t} value={t}>
              {TASK_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <Button
        size="sm"
        disabled={disabled}
        onClick={() => ask({ kind: "taskType", taskType: taskType === "" ? undefined : taskType })}
      >
        Set task type…
      </Button>
      <Button size="sm" disabled={disabled} onClick={() => ask({ kind: "keepOne" })}>
        Keep one per duplicate group…
      </Button>
      {progress && (
        <div className="w-64">
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : null}
            label={progress.label}
            detail={countsAndTimeLeft(progress.done, progress.total, progress.elapsedMs)}
          />
        </div>
      )}
      <Dialog
        title={plan?.question ?? "Bulk action"}
        open={plan !== null}
        onClose={() => setPlan(null)}
      >
        {plan && (
          <div className="flex flex-col gap-4 text-sm">
            <p>{plan.detail}</p>
            {plan.ids.length === 0 && <p>Nothing to change.</p>}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setPlan(null)}>Cancel</Button>
              <Button
                variant={plan.danger ? "danger" : "primary"}
                disabled={plan.ids.length === 0}
                onClick={() => run(plan)}
              >
                {plan.confirm}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}
