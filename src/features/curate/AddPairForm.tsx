import { useId, useState } from "react";
import { Button } from "../../components/Button";

export interface ChunkChoice {
  id: string;
  label: string;
}

export interface AddPairFormProps {
  /** Stores the pair on the chosen chunk (undefined: the document's first). */
  onAdd: (question: string, answer: string, chunkId: string | undefined) => Promise<void>;
  /** The chunks a pair can be added to; a picker shows when there are several. */
  chunks?: readonly ChunkChoice[];
  /** The chunk picked first; with `fixedChunk`, the only one. */
  chunkId?: string;
  fixedChunk?: boolean;
  /** Open right away (added from a chunk), and call `onClose` when done or cancelled. */
  startOpen?: boolean;
  onClose?: () => void;
  /** The opening button's text. */
  openLabel?: string;
}

/** A pair written by hand; it is stored as accepted with origin "manual". */
export function AddPairForm(props: AddPairFormProps) {
  const { onAdd, chunks = [], fixedChunk = false } = props;
  const [open, setOpen] = useState(props.startOpen ?? false);
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");
  const [chunkId, setChunkId] = useState(props.chunkId ?? chunks[0]?.id);
  const pickerId = useId();
  const close = () => {
    setOpen(false);
    props.onClose?.();
  };
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {props.openLabel ?? "Add a pair by hand"}
      </Button>
    );
  }
  const field =
    "w-full rounded-md border border-neutral-300 bg-white p-2 text-sm dark:border-neutral-600 dark:bg-neutral-950";
  const target = chunks.find((c) => c.id === chunkId);
  return (
    <form
      aria-label={
        fixedChunk && target ? `Add a pair to ${target.label.toLowerCase()}` : "Add a pair"
      }
      className="flex flex-col gap-2 rounded-lg border border-dashed border-neutral-300 p-3 dark:border-neutral-700"
      onSubmit={(e) => {
        e.preventDefault();
        if (answer.trim() === "") return;
        void onAdd(question.trim(), answer.trim(), chunkId).then(() => {
          setQuestion("");
          setAnswer("");
          close();
        });
      }}
    >
      {!fixedChunk && chunks.length > 1 && (
        <div className="text-xs font-medium">
          <label htmlFor={pickerId}>Chunk</label>
          <select
            id={pickerId}
            value={chunkId}
            onChange={(e) => setChunkId(e.target.value)}
            className={`${field} mt-0.5 p-1`}
          >
            {chunks.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="text-xs font-medium">
        New question
        <textarea
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the form was just opened
          autoFocus
          rows={2}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          className={field}
        />
      </label>
      <label className="text-xs font-medium">
        New answer
        <textarea
          rows={2}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          className={field}
        />
      </label>
      <div className="flex gap-2">
        <Button size="sm" type="submit" variant="primary" disabled={answer.trim() === ""}>
          Add pair
        </Button>
        <Button size="sm" onClick={close}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
