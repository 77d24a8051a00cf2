import { useState } from "react";
import { Button } from "../../components/Button";
import { Kbd } from "../../components/Kbd";
import { ProgressBar } from "../../components/ProgressBar";
import { countPendingChunks, countTasks, latestJob, readJobSettings, type JobRow } from "../../db";
import { studio } from "../../db/studio";
import { useEngine } from "../../stores/engine-store";
import { useJobLive } from "../../stores/job-store";
import { useSelection } from "../../stores/selection-store";
import { attempt } from "../../stores/ui-store";
import { cancelBatch, pauseBatch, queuePending, resumeJob } from "./batch";
import { formatCount, formatDuration, settingsSummary } from "./batch-format";
import { JobSettingsDialog } from "./JobSettingsDialog";
import { useElapsed } from "./use-elapsed";
import { useWatchedQuery } from "../../lib/use-watched-query";
import { plural } from "../../core/plural";

/** How often the batch bar's counts are read again while chunks are committed. */
const COUNTS_MS = 500;
const PENDING_TABLES = ["chunks", "results", "jobs", "tasks"];

/**
 * The batch bar above the document: the settings a run will use, "Synthesize all pending",
 * "Synthesize selected" (the documents ticked in the sidebar), and while a run is going its
 * progress, speed, time left and controls. Counts come from Dexie, so they are right after a
 * reload; speed and the current document come from this tab's runner.
 */
export function BatchPanel({ projectId }: { projectId: string }) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Not live queries: each live query on the page pays for every write of a batch run.
  const settings = useWatchedQuery(() => readJobSettings(studio, projectId), projectId, {
    db: studio.db.name,
    tables: ["settings"],
    ms: COUNTS_MS,
  });
  const job = useWatchedQuery(() => latestJob(studio, projectId), projectId, {
    db: studio.db.name,
    tables: ["jobs"],
    ms: 50,
  });
  // Counts change with every chunk: read a few times a second, not after every commit.
  const counts = useWatchedQuery(() => countTasks(studio, job?.id ?? ""), job ? job.id : null, {
    db: studio.db.name,
    tables: ["tasks", "jobs"],
    ms: COUNTS_MS,
  });
  const active =
    job && (job.state === "running" || job.state === "queued" || job.state === "paused");
  const pending = useWatchedQuery(
    () => countPendingChunks(studio, projectId),
    active ? null : `${projectId}\n${job?.updatedAt ?? ""}`,
    { db: studio.db.name, tables: PENDING_TABLES, ms: COUNTS_MS },
  );
  const selection = useSelection((s) => (s.projectId === projectId ? s : null));
  const selectedIds = selection?.ids;
  const selectedPending = useWatchedQuery(
    () => countPendingChunks(studio, projectId, [...(selectedIds ?? [])]),
    active || !selection || selection.ids.size === 0
      ? null
      : `${projectId}\n${selection.version}\n${job?.updatedAt ?? ""}`,
    { db: studio.db.name, tables: PENDING_TABLES, ms: COUNTS_MS },
  );
  const engineReady = useEngine((s) => s.status.state === "ready");

  return (
    <section
      aria-label="Batch queue"
      className="border-b border-neutral-200 px-4 py-2 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {!active && (
          <Button
            size="sm"
            variant="primary"
            disabled={!engineReady || !pending}
            title={
              engineReady ? undefined : "Load a model or connect a server first (Models page)."
            }
            onClick={() =>
              attempt(
                () => queuePending(projectId).then(() => undefined),
                "Could not start the batch",
              )
            }
          >
            Synthesize all pending{pending ? ` (${formatCount(pending)} chunks)` : ""}{" "}
            <Kbd>Shift+S</Kbd>
          </Button>
        )}
        {!active && selectedIds && selectedIds.size > 0 && (
          <Button
            size="sm"
            variant="primary"
            disabled={!engineReady || !selectedPending}
            title={
              engineReady
                ? `The pending chunks of the ${plural(selectedIds.size, "selected document")}.`
                : "Load a model or connect a server first (Models page)."
            }
            onClick={() =>
              attempt(
                () => queuePending(projectId, [...selectedIds]).then(() => undefined),
                "Could not start the batch",
              )
            }
          >
            Synthesize selected ({formatCount(selectedPending ?? 0)} chunks)
          </Button>
        )}
        {settings && (
          <span className="text-neutral-600 dark:text-neutral-400" data-testid="job-settings">
            {settingsSummary(settings)}
          </span>
        )}
        <Button size="sm" onClick={() => setSettingsOpen(true)}>
          Settings
        </Button>
        {!active && pending === 0 && job?.state === "done" && (
          <span className="text-neutral-500">Every chunk is synthesized.</span>
        )}
      </div>
      {job && counts && counts.total > 0 && (active || counts.failed > 0) && (
        <JobProgress job={job} counts={counts} />
      )}
      {settingsOpen && (
        <JobSettingsDialog projectId={projectId} open onClose={() => setSettingsOpen(false)} />
      )}
    </section>
  );
}

function JobProgress({
  job,
  counts,
}: {
  job: JobRow;
  counts: Awaited<ReturnType<typeof countTasks>>;
}) {
  const live = useJobLive((s) => (s.live?.jobId === job.id ? s.live : null));
  const current = live?.currentTitle ? { title: live.currentTitle } : null;
  const finished = counts.done + counts.failed;
  const remaining = counts.total - finished;
  const elapsed = useElapsed(live?.startedAt ?? null);
  const rate = live && elapsed > 0 ? live.finishedHere / elapsed : 0;
  const eta = rate > 0 ? remaining / rate : null;
  const parts = [
    `${formatCount(finished)} / ${formatCount(counts.total)} chunks`,
    live ? `${formatCount(live.pairs)} pairs this run` : null,
    live && elapsed > 1 ? `${(live.tokens / elapsed).toFixed(1)} tokens/s` : null,
    eta !== null && remaining > 0 ? `${formatDuration(eta)} left` : null,
    counts.failed > 0 ? `${counts.failed} failed` : null,
  ].filter(Boolean);
  const rounds = job.settings.rounds;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3" data-testid="job-progress">
      <div className="min-w-64 flex-1">
        <ProgressBar
          value={counts.total ? finished / counts.total : null}
          label={
            job.state === "paused"
              ? `Paused${job.pauseReason ? `: ${job.pauseReason}` : ""}`
              : job.state === "running"
                ? `Synthesizing${current ? ` “${current.title}”` : ""}${rounds > 1 ? ` · ${rounds} rounds` : ""}`
                : job.state === "queued"
                  ? "Queued: waits for an engine"
                  : `Finished with ${plural(counts.failed, "failed chunk")}`
          }
          detail={parts.join(" · ")}
        />
      </div>
      {job.state === "running" && (
        <Button size="sm" onClick={() => attempt(pauseBatch, "Could not pause")}>
          Pause
        </Button>
      )}
      {(job.state === "paused" || job.state === "queued") && (
        <Button
          size="sm"
          variant="primary"
          onClick={() => attempt(() => resumeJob(job), "Could not resume")}
        >
          Resume
        </Button>
      )}
      {job.state === "done" && counts.failed > 0 && (
        <Button
          size="sm"
          variant="primary"
          onClick={() => attempt(() => resumeJob(job), "Could not retry")}
        >
          Retry failed
        </Button>
      )}
      {job.state !== "done" && job.state !== "cancelled" && (
        <Button size="sm" variant="danger" onClick={() => attempt(cancelBatch, "Could not cancel")}>
          Cancel
        </Button>
      )}
    </div>
  );
}
