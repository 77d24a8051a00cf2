import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorCallout } from "../../components/ErrorCallout";
import { ProgressBar } from "../../components/ProgressBar";
import type { Insights } from "../../core/insights/insights";
import { REFERENCE_SOURCE } from "../../core/insights/reference";
import { count } from "./format";
import { FlagsCard, GroundingCard, PairsPerChunkCard, TokensPerPairCard } from "./QualityCards";
import { AcceptanceCard, TaskTypeCard } from "./TaskTypeCards";
import { useInsights } from "./use-insights";

function Totals({ insights: r }: { insights: Insights }) {
  const stats: [string, number][] = [
    ["Pairs", r.pairs],
    ["Accepted", r.status.accepted],
    ["Rejected", r.status.rejected],
    ["Pending", r.status.pending],
    ["Chunks", r.pairsPerChunk.chunks],
    ["Not scored yet", r.notScored],
  ];
  return (
    <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" aria-label="Totals">
      {stats.map(([label, value]) => (
        <div
          key={label}
          className="rounded-lg border border-neutral-200 bg-white px-3 py-2 dark:border-neutral-800 dark:bg-neutral-900"
        >
          <dt className="text-xs text-neutral-600 dark:text-neutral-400">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{count(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Charts of the project's pairs next to the paper's reference figures. */
export function InsightsPage({ projectId }: { projectId: string }) {
  // A fresh view per project: nothing read for one project lingers under another.
  return <InsightsView key={projectId} projectId={projectId} />;
}

function InsightsView({ projectId }: { projectId: string }) {
  const { insights, progress, error, readAt, refresh } = useInsights(projectId);
  const reading = progress !== null;
  return (
    <main className="flex-1 overflow-y-auto p-6" aria-busy={reading}>
      <div className="mx-auto flex max-w-6xl flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-base font-semibold">Insights</h1>
          {readAt !== null && (
            <span className="text-xs text-neutral-600 dark:text-neutral-400">
              As of {new Date(readAt).toLocaleTimeString()}; refreshes when pairs change
            </span>
          )}
          <Button size="sm" className="ml-auto" onClick={refresh} disabled={reading}>
            Refresh
          </Button>
        </div>
        {progress && (
          <ProgressBar
            value={progress.total === 0 ? null : progress.done / progress.total}
            label="Reading pairs"
            detail={
              progress.total === 0 ? "" : `${count(progress.done)} / ${count(progress.total)}`
            }
          />
        )}
        {error && (
          <ErrorCallout
            title="The figures could not be read"
            message="Reading the project's pairs from this browser's storage failed. Try Refresh; if it fails again, reload the page."
            detail={error}
          />
        )}
        {insights && insights.pairs === 0 && (
          <EmptyState title="No pairs yet">
            <p>
              Synthesize pairs from your documents in the Studio, or add them by hand. Their task
              types, grounding and review status will be charted here, next to the paper&apos;s
              figures.
            </p>
          </EmptyState>
        )}
        {insights && insights.pairs > 0 && (
          <>
            <Totals insights={insights} />
            {insights.notScored > 0 && (
              <p
                role="status"
                className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-sm text-neutral-700 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300"
              >
                {count(insights.notScored)} of {count(insights.pairs)} pairs are not scored yet. The
                quality checks run in the background; until a pair is scored it counts in the
                totals, pairs per chunk, tokens and acceptance, but not in task types (unless set by
                hand), grounding or flags.
              </p>
            )}
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <TaskTypeCard insights={insights} />
              <PairsPerChunkCard insights={insights} />
              <TokensPerPairCard insights={insights} />
              <GroundingCard insights={insights} />
              <FlagsCard insights={insights} />
              <AcceptanceCard insights={insights} />
            </div>
            <p className="text-xs text-neutral-600 dark:text-neutral-400">
              Paper figures: {REFERENCE_SOURCE}, as summarized in the studio&apos;s method notes.
            </p>
          </>
        )}
      </div>
    </main>
  );
}
