import {
  GROUNDING_BINS,
  TOKEN_BIN_WIDTH,
  TOKEN_BINS,
  type Insights,
} from "../../core/insights/insights";
import {
  REFERENCE_DOMAINS,
  REFERENCE_PAIRS_PER_TEXT,
  REFERENCE_QUALITY,
  REFERENCE_TOKENS_PER_PAIR,
} from "../../core/insights/reference";
import { FLAG_DESCRIPTIONS, FLAG_LABELS } from "../../core/quality/flags";
import { viewToQuery } from "../../core/curation/url-query";
import { EMPTY_VIEW } from "../../core/curation/view";
import { ChartCard } from "./ChartCard";
import { BarChart } from "./charts/BarChart";
import { Histogram } from "./charts/Histogram";
import { count, decimal, percent } from "./format";

const notScoredNote = (n: number) =>
  n > 0 ? `${count(n)} pairs are not scored yet and are left out until they are.` : undefined;

const perChunkLabel = (i: number, last: number) => (i === last ? `${i}+` : String(i));

export function PairsPerChunkCard({ insights: r }: { insights: Insights }) {
  const { bins, mean, notSynthesized } = r.pairsPerChunk;
  const labels = bins.map((_, i) => perChunkLabel(i, bins.length - 1));
  const shown = bins.reduce((a, b) => a + b, 0);
  const summary =
    `${count(shown)} chunks; mean ${decimal(mean)} pairs per chunk against the paper's about ` +
    `${REFERENCE_PAIRS_PER_TEXT}; ${count(bins[0] ?? 0)} synthesized chunks have no pair.`;
  return (
    <ChartCard
      title="Pairs per chunk"
      headline={<>mean {decimal(mean)} per chunk</>}
      reference={<p>About {REFERENCE_PAIRS_PER_TEXT} pairs per text (here, per chunk).</p>}
      note={
        notSynthesized > 0
          ? `${count(notSynthesized)} of ${count(r.pairsPerChunk.chunks)} chunks are not synthesized yet and are left out.`
          : undefined
      }
      table={{
        caption: "Chunks by number of pairs",
        columns: ["Pairs", "Chunks"],
        rows: bins.map((b, i) => [labels[i] ?? "", b]),
      }}
    >
      <Histogram
        title="Pairs per chunk"
        summary={summary}
        xLabel="Pairs in the chunk"
        yLabel="Chunks"
        bins={bins.map((value, i) => ({ label: labels[i] ?? "", value }))}
        reference={{
          at: REFERENCE_PAIRS_PER_TEXT + 0.5,
          label: `paper ≈ ${REFERENCE_PAIRS_PER_TEXT}`,
        }}
      />
    </ChartCard>
  );
}

const tokenLabel = (i: number) =>
  i === TOKEN_BINS - 1
    ? `${i * TOKEN_BIN_WIDTH}+`
    : `${i * TOKEN_BIN_WIDTH}–${(i + 1) * TOKEN_BIN_WIDTH - 1}`;

export function TokensPerPairCard({ insights: r }: { insights: Insights }) {
  const { bins, mean } = r.tokens;
  const summary = `Estimated mean ${decimal(mean)} tokens per pair against the paper's about ${REFERENCE_TOKENS_PER_PAIR}.`;
  return (
    <ChartCard
      title="Tokens per pair (estimate)"
      headline={<>mean ≈ {decimal(mean)} tokens</>}
      reference={<p>About {REFERENCE_TOKENS_PER_PAIR} tokens per pair.</p>}
      note="An estimate, not a tokenizer's count: the reference's budget rule (words split on spaces × 1.5) over the pair in the synthesizer's tagged format."
      table={{
        caption: "Pairs by estimated tokens",
        columns: ["Tokens (estimate)", "Pairs"],
        rows: bins.map((b, i) => [tokenLabel(i), b]),
      }}
    >
      <Histogram
        title="Tokens per pair"
        summary={summary}
        xLabel="Tokens per pair (estimate)"
        yLabel="Pairs"
        bins={bins.map((value, i) => ({ label: tokenLabel(i), value }))}
        reference={{
          at: REFERENCE_TOKENS_PER_PAIR / TOKEN_BIN_WIDTH,
          label: `paper ≈ ${REFERENCE_TOKENS_PER_PAIR}`,
        }}
      />
    </ChartCard>
  );
}

const groundingLabel = (i: number) => `${i / GROUNDING_BINS}–${(i + 1) / GROUNDING_BINS}`;

export function GroundingCard({ insights: r }: { insights: Insights }) {
  const g = r.grounding;
  const graded = g.bins.reduce((a, b) => a + b, 0);
  const summary =
    graded === 0
      ? "No scored pair has a grounding value yet."
      : `${percent(g.atLeastHalf, graded)} of ${count(graded)} scored pairs have grounding of 0.5 or more; mean ${g.mean?.toFixed(2) ?? "–"}; ${count(g.noContentWords)} answers have no content words.`;
  return (
    <ChartCard
      title="Grounding"
      headline={graded === 0 ? "–" : <>{percent(g.atLeastHalf, graded)} at 0.5 or more</>}
      reference={
        <p>
          Context relevance judged by GPT-4 on 500 samples:{" "}
          {REFERENCE_DOMAINS.map((d) => `${REFERENCE_QUALITY[d].contextRelevance}% ${d}`).join(
            ", ",
          )}
          . Grounding is a different, simpler measure: the share of the answer&apos;s content words
          found in its chunk.
        </p>
      }
      note={notScoredNote(r.notScored)}
      table={{
        caption: "Scored pairs by grounding",
        columns: ["Grounding", "Pairs"],
        rows: [
          ...g.bins.map((b, i) => [groundingLabel(i), b] as const),
          ["No content words", g.noContentWords] as const,
        ],
      }}
    >
      <Histogram
        title="Grounding"
        summary={summary}
        xLabel="Share of the answer's content words found in the chunk"
        yLabel="Pairs"
        bins={[
          ...g.bins.map((value, i) => ({ label: groundingLabel(i).replace(/0\./g, "."), value })),
          { label: "none", value: g.noContentWords, apart: true },
        ]}
      />
    </ChartCard>
  );
}

export function FlagsCard({ insights: r }: { insights: Insights }) {
  const raised = r.flags.filter((f) => f.count > 0).sort((a, b) => b.count - a.count);
  const summary =
    r.scored === 0
      ? "No pair is scored yet."
      : `${percent(r.flagged, r.scored)} of ${count(r.scored)} scored pairs carry a flag` +
        (raised.length > 0
          ? `; most often ${raised
              .slice(0, 3)
              .map((f) => `${FLAG_LABELS[f.flag]} (${percent(f.count, r.scored)})`)
              .join(", ")}.`
          : ".");
  return (
    <ChartCard
      title="Flags"
      headline={r.scored === 0 ? "–" : <>{percent(r.flagged, r.scored)} of scored pairs flagged</>}
      reference={
        <p>
          Response accuracy judged by GPT-4: {REFERENCE_QUALITY.general.responseAccuracy}% general,
          so about one pair in four has a wrong answer. Flags are hints for that review; they delete
          nothing.
        </p>
      }
      note={notScoredNote(r.notScored)}
      table={{
        caption: "Scored pairs per flag",
        columns: ["Flag", "Pairs", "Share of scored", "Meaning"],
        rows: r.flags.map((f) => [
          FLAG_LABELS[f.flag],
          f.count,
          percent(f.count, r.scored),
          FLAG_DESCRIPTIONS[f.flag],
        ]),
      }}
    >
      <BarChart
        title="Flags"
        summary={summary}
        xLabel="Share of scored pairs"
        tick={(v) => `${v}%`}
        data={r.flags.map((f) => ({
          key: f.flag,
          label: FLAG_LABELS[f.flag],
          value: r.scored === 0 ? 0 : (f.count / r.scored) * 100,
          valueText: `${count(f.count)} · ${percent(f.count, r.scored)}`,
          pairsQuery: f.count === 0 ? undefined : viewToQuery({ ...EMPTY_VIEW, flags: [f.flag] }),
        }))}
      />
    </ChartCard>
  );
}
