import { useState } from "react";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { documentTextProblem } from "../../core/document-text";

export interface PasteDialogProps {
  open: boolean;
  onClose: () => void;
  onAdd: (text: string, title: string) => Promise<void>;
}

export function PasteDialog({ open, onClose, onAdd }: PasteDialogProps) {
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const problem = documentTextProblem(text);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await onAdd(text, title);
      setText("");
      setTitle("");
      setError(null);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="New document from text" open={open} onClose={onClose} wide>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Title (optional)
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Taken from the first line when empty"
            className="rounded-md border border-neutral-300 bg-transparent px-2 py-1.5 dark:border-neutral-700"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Document text
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
            rows={12}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog exists to take this text
            autoFocus
            placeholder="Paste a raw document: an article, a paper section, a report…"
            aria-invalid={error !== null}
            aria-describedby={error ? "paste-error" : undefined}
            className="rounded-md border border-neutral-300 bg-transparent p-2 font-mono text-sm dark:border-neutral-700"
          />
        </label>
        {error && (
          <p id="paste-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <div className="flex items-center justify-end gap-2">
          <span className="mr-auto text-xs text-neutral-500">
            {text.length.toLocaleString()} characters · Ctrl+Enter adds
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Add document
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
