import { useState } from "react";
import { Button } from "../../components/Button";
import type { PairRow } from "../../db";
import { useDebouncedSave } from "./use-debounced-save";

export interface PairEditorProps {
  pair: PairRow;
  /** Persists a draft; called debounced while typing and once more on save. */
  onSave: (question: string, answer: string) => void;
  onDone: () => void;
}

/**
 * Inline editing. Drafts are saved as you type (debounced), so a reload keeps them; Esc puts
 * back the text the pair had when editing began.
 */
export function PairEditor({ pair, onSave, onDone }: PairEditorProps) {
  const [original] = useState({ question: pair.question, answer: pair.answer });
  const [draft, setDraft] = useState(original);
  useDebouncedSave(draft, (d) => onSave(d.question, d.answer));

  const save = () => {
    onSave(draft.question, draft.answer);
    onDone();
  };
  const cancel = () => {
    setDraft(original);
    onSave(original.question, original.answer);
    onDone();
  };
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };
  const field =
    "w-full rounded-md border border-neutral-300 bg-white p-2 text-sm dark:border-neutral-600 dark:bg-neutral-950";

  return (
    <div className="flex flex-col gap-2">
      <label className="text-xs font-medium">
        Question
        <textarea
          value={draft.question}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- editing was just requested
          autoFocus
          rows={2}
          onKeyDown={keys}
          onChange={(e) => setDraft({ ...draft, question: e.target.value })}
          className={field}
        />
      </label>
      <label className="text-xs font-medium">
        Answer
        <textarea
          value={draft.answer}
          rows={3}
          onKeyDown={keys}
          onChange={(e) => setDraft({ ...draft, answer: e.target.value })}
          className={field}
        />
      </label>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={save}>
          Save (Ctrl+Enter)
        </Button>
        <Button size="sm" onClick={cancel}>
          Cancel (Esc)
        </Button>
      </div>
    </div>
  );
}
