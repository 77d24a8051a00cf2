import type { Insights, TaskTypeRow } from "../../core/insights/insights";
import { REFERENCE_QUALITY, REFERENCE_TASK_CATEGORIES } from "../../core/insights/reference";
import { TASK_TYPES, TASK_TYPE_LABELS } from "../../core/quality/task-type";
import { viewToQuery } from "../../core/curation/url-query";
import { EMPTY_VIEW } from "../../core/curation/view";
import { ChartCard } from "./ChartCard";
import { AcceptanceChart } from "./charts/AcceptanceChart";
import { BarChart } from "./charts/BarChart";
import { count, decimal, percent } from "./format";

const NOT_SCORED = "Not scored yet";

const typeLabel = (t: TaskTypeRow): string =>
  t.type === null ? NOT_SCORED : TASK_TYPE_LABELS[t.type];

/** The task-type distribution: the project's measure of task diversity. */
export function TaskTypeCard({ insights: r }: { insights: Insights }) {
  const top = [...r.taskTypes]
    .filter((t) => t.type !== null && t.count > 0)
    .sort((a, b) => b.count - a.count)[0];
  const summary =
    `${r.typesPresent} of ${TASK_TYPES.length} task types present` +
    (top
      ? `; the most common is ${typeLabel(top)} with ${percent(top.count, r.pairs)} of pairs`
      : "") +
    (r.notScored > 0 ? `; ${count(r.notScored)} pairs are not scored yet.` : ".");
  return (
    <ChartCard
      title="Task types"
      className="lg:col-span-2"
      headline={
        <>
          {r.typesPresent} of {TASK_TYPES.length} types present · effective number{" "}
          {decimal(r.effectiveTypes)}
        </>
      }
      reference={
        <p>
          The synthesizer writes 40+ task categories; the paper&apos;s analysis reports{" "}
          {REFERENCE_TASK_CATEGORIES}. The studio sorts questions into {TASK_TYPES.length} forms, so
          a spread over many bars is what diversity looks like here.
        </p>
      }
      note={
        <>
          Effective number: how many equally common types would give the same spread (e to the
          entropy of the shares). A curator&apos;s type wins over the classifier&apos;s.
        </>
      }
      table={{
        caption: "Pairs per task type",
        columns: ["Task type", "Pairs", "Share"],
        rows: r.taskTypes.map((t) => [typeLabel(t), t.count, percent(t.count, r.pairs)]),
      }}
    >
      <BarChart
        title="Task types"
        summary={summary}
        xLabel="Pairs"
        data={r.taskTypes.map((t) => ({
          key: t.type ?? "none",
          label: typeLabel(t),
          value: t.count,
          valueText: `${count(t.count)} · ${percent(t.count, r.pairs)}`,
          muted: t.type === null,
          pairsQuery:
            t.type === null || t.count === 0
              ? undefined
              : viewToQuery({ ...EMPTY_VIEW, taskTypes: [t.type] }),
        }))}
        tick={(v) => count(v)}
      />
    </ChartCard>
  );
}

/** Acceptance rate per task type, over the pairs a curator has reviewed. */
export function AcceptanceCard({ insights: r }: { insights: Insights }) {
  const reviewed = r.status.accepted + r.status.rejected;
  const rows = [
    { key: "all", label: "All pairs", ...r.status },
    ...r.taskTypes
      .filter((t) => t.count > 0)
      .map((t) => ({ key: t.type ?? "none", label: typeLabel(t), ...t })),
  ];
  const general = REFERENCE_QUALITY.general.responseAccuracy;
  const summary =
    reviewed === 0
      ? "No pair is reviewed yet."
      : `${percent(r.status.accepted, reviewed)} of ${count(reviewed)} reviewed pairs accepted; ` +
        rows
          .slice(1)
          .filter((d) => d.accepted + d.rejected > 0)
          .map((d) => `${d.label} ${percent(d.accepted, d.accepted + d.rejected)}`)
          .join(", ") +
        ".";
  return (
    <ChartCard
      title="Acceptance by task type"
      className="lg:col-span-2"
      headline={
        reviewed === 0 ? (
          "No pair reviewed yet"
        ) : (
          <>
            {percent(r.status.accepted, reviewed)} accepted of {count(reviewed)} reviewed
          </>
        )
      }
      reference={
        <p>
          Response accuracy judged by GPT-4 on 500 samples:{" "}
          {REFERENCE_QUALITY.general.responseAccuracy}% general,{" "}
          {REFERENCE_QUALITY.biomedicine.responseAccuracy}% biomedicine,{" "}
          {REFERENCE_QUALITY.finance.responseAccuracy}% finance. Roughly one pair in four is wrong,
          which is why curation is worth having.
        </p>
      }
      note="The bars compare accepted with rejected pairs; pending pairs are counted in brackets."
      table={{
        caption: "Review status per task type",
        columns: ["Task type", "Accepted", "Rejected", "Pending", "Accepted of reviewed"],
        rows: rows.map((d) => [
          d.label,
          d.accepted,
          d.rejected,
          d.pending,
          percent(d.accepted, d.accepted + d.rejected),
        ]),
      }}
    >
      <AcceptanceChart
        title="Acceptance by task type"
        summary={summary}
        data={rows}
        reference={{ at: general, label: `paper, general: ${general}% accurate` }}
      />
    </ChartCard>
  );
}
