import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { chunkText } from "../../core/chunk";
import { DEFAULT_JOB_SETTINGS, chunkOptionsFor, jobSettingsProblem } from "../../core/job-settings";
import { tokenCounterFromJson } from "../../lib/token-counter";
import {
  readJobSettings,
  readTokenizer,
  rechunkUnsynthesized,
  saveJobSettings,
  saveTokenizer,
  type JobSettings,
} from "../../db";
import { studio } from "../../db/studio";
import { attempt, useUi } from "../../stores/ui-store";
import { plural } from "../../core/plural";

const field =
  "rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-950";

const numberFields: { key: keyof JobSettings; label: string; hint: string; step?: string }[] = [
  {
    key: "maxNewTokens",
    label: "Max new tokens",
    hint: "Output budget per chunk; the paper uses 400.",
  },
  {
    key: "maxModelLen",
    label: "Context length",
    hint: "The synthesizer's window; the paper uses 4096.",
  },
  {
    key: "temperature",
    label: "Temperature",
    hint: "0 decodes greedily, as the paper does.",
    step: "0.1",
  },
  {
    key: "rounds",
    label: "Rounds",
    hint: "Multi-round synthesis: 1 is one-shot; the paper uses 2 from scratch, 3 for domain data.",
  },
  {
    key: "concurrency",
    label: "Chunks at once",
    hint: "For a server; WebLLM always runs one at a time. A browser opens at most 6 connections to one HTTP/1.1 server; beyond 6, requests wait for one unless the server speaks HTTP/2 (for example behind an HTTPS proxy).",
  },
];

/** Whether documents must be cut again: the chunk budget depends on these settings. */
const changesChunks = (a: JobSettings, b: JobSettings) =>
  a.maxModelLen !== b.maxModelLen ||
  a.maxNewTokens !== b.maxNewTokens ||
  a.budgetMode !== b.budgetMode ||
  a.rounds > 1 !== b.rounds > 1;

async function rechunk(projectId: string, settings: JobSettings): Promise<void> {
  const tokenizer =
    settings.budgetMode === "tokens" ? await readTokenizer(studio, projectId) : null;
  const budget = tokenizer ? await tokenCounterFromJson(tokenizer.json) : "words";
  const options = chunkOptionsFor(settings, budget);
  const { rechunked, kept, chunks } = await rechunkUnsynthesized(
    studio,
    projectId,
    (text) => chunkText(text, options),
    tokenizer ? "tokens" : "words",
  );
  if (rechunked + kept === 0) return;
  useUi.getState().pushToast({
    tone: "info",
    message:
      `Re-cut ${plural(rechunked, "document")} into ${plural(chunks, "chunk")} for the new budget.` +
      (kept > 0
        ? ` ${plural(kept, "document")} with results ${kept === 1 ? "keeps its" : "keep their"} chunks.`
        : ""),
  });
}

/** The settings every batch uses, shown and validated before a run. */
export function JobSettingsDialog({
  projectId,
  open,
  onClose,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
}) {
  const stored = useLiveQuery(() => readJobSettings(studio, projectId), [projectId]);
  return (
    <Dialog title="Synthesis settings" open={open} onClose={onClose}>
      {stored && <SettingsForm projectId={projectId} initial={stored} onClose={onClose} />}
    </Dialog>
  );
}

/** Mounted each time the dialog opens, so the draft starts from the stored settings. */
function SettingsForm({
  projectId,
  initial,
  onClose,
}: {
  projectId: string;
  initial: JobSettings;
  onClose: () => void;
}) {
  const tokenizer = useLiveQuery(() => readTokenizer(studio, projectId), [projectId]);
  const [draft, setDraft] = useState<JobSettings>(initial);
  const problem =
    jobSettingsProblem(draft) ??
    (draft.budgetMode === "tokens" && !tokenizer
      ? "Counting in tokens needs the model's tokenizer.json."
      : null);

  return (
    <form
      aria-label="Synthesis settings"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        attempt(async () => {
          await saveJobSettings(studio, projectId, draft);
          onClose();
          if (changesChunks(initial, draft)) await rechunk(projectId, draft);
        }, "Could not save the settings");
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        {numberFields.map((f) => (
          <div key={f.key} className="flex flex-col gap-1 text-sm">
            <label htmlFor={`job-${f.key}`}>{f.label}</label>
            <input
              id={`job-${f.key}`}
              aria-describedby={`job-${f.key}-hint`}
              className={field}
              type="number"
              step={f.step ?? "1"}
              min="0"
              value={String(draft[f.key])}
              onChange={(e) => setDraft({ ...draft, [f.key]: Number(e.target.value) })}
            />
            <span id={`job-${f.key}-hint`} className="text-xs text-neutral-500">
              {f.hint}
            </span>
          </div>
        ))}
      </div>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="mb-1">Length budget</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="budget"
            checked={draft.budgetMode === "words"}
            onChange={() => setDraft({ ...draft, budgetMode: "words" })}
          />
          Words (the paper's estimate: spaces × 1.5; prompts match the reference exactly)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="budget"
            checked={draft.budgetMode === "tokens"}
            onChange={() => setDraft({ ...draft, budgetMode: "tokens" })}
          />
          Tokens (exact, with the model&apos;s tokenizer.json)
        </label>
        <div className="ml-6 flex items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
          {tokenizer ? `Tokenizer: ${tokenizer.name}` : "No tokenizer loaded."}
          <label className="cursor-pointer underline">
            {tokenizer ? "Replace…" : "Load tokenizer.json…"}
            <input
              type="file"
              accept=".json,application/json"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (!file) return;
                attempt(async () => {
                  const json = await file.arrayBuffer();
                  // Fail now, not mid-run, when the file is not a tokenizer.
                  await tokenCounterFromJson(json);
                  await saveTokenizer(studio, projectId, { name: file.name, json });
                }, `${file.name} is not a tokenizer.json the tokenizer library can read`);
              }}
            />
          </label>
        </div>
      </fieldset>
      <p className="text-xs text-neutral-500">
        Documents are cut into chunks that fit the context length minus the new tokens; with more
        rounds, smaller, so earlier chunks and their pairs fit in front as demonstrations. Saving
        re-cuts the documents nothing was synthesized from; runs started later use the new settings.
      </p>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={() => setDraft(DEFAULT_JOB_SETTINGS)}>
          Reset to the paper&apos;s
        </Button>
        <Button type="submit" variant="primary" disabled={problem !== null}>
          Save
        </Button>
      </div>
    </form>
  );
}
