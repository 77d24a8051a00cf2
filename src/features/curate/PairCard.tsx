import { useEffect, useRef } from "react";
import { Button } from "../../components/Button";
import type { PairRow, PairStatus } from "../../db";
import { usePairHighlight } from "../../stores/pair-highlight-store";
import { PairBadges } from "./PairBadges";
import { PairEditor } from "./PairEditor";
import type { ShownQuality } from "./pair-quality";

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
  quality: ShownQuality | null;
  /** "Chunk 2" when the document has several chunks. */
  chunkLabel?: string;
}

const statusStyle: Record<PairStatus, string> = {
  pending: "border-neutral-200 dark:border-neutral-700",
  accepted: "border-emerald-400 dark:border-emerald-700",
  rejected: "border-red-300 opacity-70 dark:border-red-800",
};

/** Focus that came from the keyboard (Tab), not a click: the document then scrolls to it. */
const fromKeyboard = (el: EventTarget) => el instanceof Element && el.matches(":focus-visible");

export function PairCard(props: PairCardProps) {
  const { pair, focused, editing } = props;
  const label = `Pair ${props.position + 1}`;
  const ref = useRef<HTMLLIElement>(null);
  const reveal = usePairHighlight((s) => (s.reveal?.pairId === pair.id ? s.reveal.nonce : null));
  const { hover, revealPair } = usePairHighlight.getState();

  // j/k moved the cursor here: move focus too, so it is visible and read out.
  useEffect(() => {
    const el = ref.current;
    if (reveal === null || !focused || !el || editing) return;
    if (!el.contains(document.activeElement)) el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }, [reveal, focused, editing]);

  // Leaving the editor (Ctrl+Enter or Esc) gives focus back to the card, not to the page.
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) ref.current?.focus({ preventScroll: true });
    wasEditing.current = editing;
  }, [editing]);

  return (
    // A card is a group of controls; focus follows the keyboard cursor (j/k). Hovering or
    // focusing it highlights its evidence in the document.
    <li
      ref={ref}
      tabIndex={-1}
      aria-label={label}
      data-status={pair.status}
      onMouseEnter={() => hover(pair.id)}
      onMouseLeave={() => hover(null)}
      onFocus={(e) => {
        if (focused) return;
        props.onFocus();
        if (fromKeyboard(e.target)) revealPair(pair.id);
      }}
      className={`rounded-lg border-2 bg-white p-3 text-sm outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:bg-neutral-900 ${statusStyle[pair.status]} ${focused ? "ring-2 ring-indigo-500" : ""}`}
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
        {props.chunkLabel && <span>{props.chunkLabel}</span>}
        {pair.origin === "manual" && (
          <span className="rounded bg-violet-100 px-1.5 text-violet-800 dark:bg-violet-950 dark:text-violet-200">
            manual
          </span>
        )}
        {pair.question === "" && !props.quality && (
          <span className="rounded bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            empty question
          </span>
        )}
      </div>
      <PairBadges quality={props.quality} />
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
