import { TASK_TYPE_LABELS, type TaskType } from "../../../core/quality/task-type";
import { deletePairs, setStatus, setTaskType, type BulkOptions } from "../../../db";
import { studio } from "../../../db/studio";
import { historyScope } from "../history-scope";
import { askIndex } from "./pairs-index-client";

/** What a bulk action does; each runs as one undoable step, in batches with progress. */
export type BulkAction =
  | { kind: "accept" }
  | { kind: "reject" }
  | { kind: "reset" }
  | { kind: "delete" }
  | { kind: "taskType"; taskType: TaskType | undefined }
  | { kind: "keepOne" };

/** A bulk action with its exact targets, ready to confirm. */
export interface BulkPlan {
  action: BulkAction;
  ids: string[];
  /** The confirm dialog's question, with the exact count. */
  question: string;
  detail: string;
  confirm: string;
  danger: boolean;
}

const n = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "pair" : "pairs"}`;

/** The plan for `action` over `targets` (the selection, or every pair matching the filter). */
export async function planBulk(
  action: BulkAction,
  targets: readonly string[],
  scopeLabel: string,
): Promise<BulkPlan> {
  const ids = [...targets];
  const base = { action, ids, danger: false };
  switch (action.kind) {
    case "accept":
      return {
        ...base,
        question: `Accept ${n(ids.length)}?`,
        detail: scopeLabel,
        confirm: "Accept",
      };
    case "reject":
      return {
        ...base,
        question: `Reject ${n(ids.length)}?`,
        detail: scopeLabel,
        confirm: "Reject",
      };
    case "reset":
      return {
        ...base,
        question: `Reset ${n(ids.length)} to pending?`,
        detail: scopeLabel,
        confirm: "Reset",
      };
    case "delete":
      return {
        ...base,
        danger: true,
        question: `Delete ${n(ids.length)}?`,
        detail: `${scopeLabel} Undo brings them back.`,
        confirm: "Delete",
      };
    case "taskType": {
      const label = action.taskType ? TASK_TYPE_LABELS[action.taskType] : "the classifier's";
      return {
        ...base,
        question: `Set the task type of ${n(ids.length)} to ${label}?`,
        detail: scopeLabel,
        confirm: "Set task type",
      };
    }
    case "keepOne": {
      const plan = await askIndex({ kind: "keepOne", ids });
      return {
        ...base,
        ids: plan.reject,
        question: `Reject ${n(plan.reject.length)}, keeping one in each of ${plan.keep.length.toLocaleString("en-US")} duplicate groups?`,
        detail:
          "Each group keeps its accepted pair, else the best grounded, else the earliest. Whole groups count, also members outside the filter.",
        confirm: "Keep one per group",
      };
    }
  }
}

/** Runs a confirmed plan; resolves with how many pairs changed. */
export function runBulk(projectId: string, plan: BulkPlan, options: BulkOptions): Promise<number> {
  const scope = historyScope(projectId);
  const { action, ids } = plan;
  switch (action.kind) {
    case "accept":
      return setStatus(studio, scope, ids, "accepted", options);
    case "reject":
      return setStatus(studio, scope, ids, "rejected", options);
    case "reset":
      return setStatus(studio, scope, ids, "pending", options);
    case "delete":
      return deletePairs(studio, scope, ids, options);
    case "taskType":
      return setTaskType(studio, scope, ids, action.taskType, options);
    case "keepOne":
      return setStatus(studio, scope, ids, "rejected", {
        ...options,
        label: `Keep one per duplicate group (reject ${n(ids.length)})`,
      });
  }
}
