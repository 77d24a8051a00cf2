import { Button } from "../../components/Button";
import type { PairRow, PairStatus } from "../../db";
import { PairEditor } from "./PairEditor";

export interface PairCardProps {
  pair: PairRow;
  position: number;
  focused: boolean;
  editing: boolean;
  onFocus: () => void;
  onStatus: (status: PairStatus) => void;
  onEdit: () => void;
  onEditDone: () => void;
  onSave: (question: string, answer: string) => void;
  onDelete: () => void;
}

const statusStyle: Record<PairStatus, string> = {
  pending: "border-neutral-200 dark:border-neutral-700",
  accepted: "border-emerald-400 dark:border-emerald-700",
  rejected: "border-red-300 opacity-70 dark:border-red-800",
};

export function PairCard(props: PairCardProps) {
  const { pair, focused, editing } = props;
  const label = `Pair ${props.position + 1}`;
  return (
    // A card is a group of controls; focus follows the keyboard cursor (j/k).
    <li
      aria-label={label}
      data-status={pair.status}
      className={`rounded-lg border-2 bg-white p-3 text-sm dark:bg-neutral-900 ${statusStyle[pair.status]} ${focused ? "ring-2 ring-indigo-500" : ""}`}
    >
      <div className="mb-2 flex items-center gap-2 text-[11px] text-neutral-500">
        <button type="button" className="font-semibold" onClick={props.onFocus}>
          {label}
        </button>
        <span className="rounded bg-neutral-100 px-1.5 dark:bg-neutral-800">{pair.status}</span>
        {pair.edited && (
          <span className="rounded bg-sky-100 px-1.5 text-sky-800 dark:bg-sky-950 dark:text-sky-200">
            edited
          </span>
        )}
        {pair.origin === "manual" && (
          <span className="rounded bg-violet-100 px-1.5 text-violet-800 dark:bg-violet-950 dark:text-violet-200">
            manual
          </span>
        )}
        {pair.question === "" && (
          <span className="rounded bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            empty question
          </span>
        )}
      </div>
      {editing ? (
        <PairEditor pair={pair} onSave={props.onSave} onDone={props.onEditDone} />
      ) : (
        <>
          <p className="font-medium whitespace-pre-wrap" data-testid="pair-question">
            {pair.question || <em className="text-neutral-400">(empty question)</em>}
          </p>
          <p
            className="mt-1 whitespace-pre-wrap text-neutral-700 dark:text-neutral-300"
            data-testid="pair-answer"
          >
            {pair.answer}
          </p>
          <div className="mt-2 flex gap-1">
            <Button
              size="sm"
              aria-pressed={pair.status === "accepted"}
              onClick={() => props.onStatus(pair.status === "accepted" ? "pending" : "accepted")}
            >
              Accept
            </Button>
            <Button
              size="sm"
              aria-pressed={pair.status === "rejected"}
              onClick={() => props.onStatus(pair.status === "rejected" ? "pending" : "rejected")}
            >
              Reject
            </Button>
            <Button size="sm" onClick={props.onEdit}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete ${label.toLowerCase()}`}
              onClick={props.onDelete}
            >
              Delete
            </Button>
          </div>
        </>
      )}
    </li>
  );
}
