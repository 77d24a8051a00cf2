import { useState } from "react";
import { Button } from "../../components/Button";

/** A pair written by hand; it is stored as accepted with origin "manual". */
export function AddPairForm({
  onAdd,
}: {
  onAdd: (question: string, answer: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        Add a pair by hand
      </Button>
    );
  }
  const field =
    "w-full rounded-md border border-neutral-300 bg-white p-2 text-sm dark:border-neutral-600 dark:bg-neutral-950";
  return (
    <form
      aria-label="Add a pair"
      className="flex flex-col gap-2 rounded-lg border border-dashed border-neutral-300 p-3 dark:border-neutral-700"
      onSubmit={(e) => {
        e.preventDefault();
        if (answer.trim() === "") return;
        void onAdd(question.trim(), answer.trim()).then(() => {
          setQuestion("");
          setAnswer("");
          setOpen(false);
        });
      }}
    >
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
        <Button size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
