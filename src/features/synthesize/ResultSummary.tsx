import type { ResultRow } from "../../db";

const stateText: Record<ResultRow["state"], string> = {
  running: "running",
  done: "finished",
  incomplete: "incomplete (partial output kept)",
  failed: "failed",
};

/** What the last run did: state, finish reason, usage, engine; the raw output behind a toggle. */
export function ResultSummary({ result }: { result: ResultRow }) {
  const seconds = result.finishedAt ? (result.finishedAt - result.startedAt) / 1000 : null;
  return (
    <details className="mt-3 text-xs text-neutral-600 dark:text-neutral-300">
      <summary className="cursor-pointer">
        Last run {stateText[result.state]}
        {result.finishReason ? ` · finish: ${result.finishReason}` : ""}
        {result.usage
          ? ` · ${result.usage.promptTokens} prompt + ${result.usage.completionTokens} new tokens`
          : ""}
        {result.usage?.decodeTokensPerSecond
          ? ` · ${result.usage.decodeTokensPerSecond.toFixed(1)} tokens/s`
          : ""}
        {seconds !== null ? ` · ${seconds.toFixed(1)} s` : ""} · {result.engineId}/{result.modelId}
      </summary>
      <pre
        aria-label="Last raw output"
        className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-neutral-100 p-3 font-mono dark:bg-neutral-900"
      >
        {result.rawOutput || "(no output)"}
      </pre>
    </details>
  );
}
