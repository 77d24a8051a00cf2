import {
  FLAG_DESCRIPTIONS,
  FLAG_LABELS,
  GROUP_DESCRIPTION,
  groupLabel,
} from "../../core/quality/flags";
import { TASK_TYPE_LABELS } from "../../core/quality/task-type";
import { WEAK_GROUNDING } from "../../core/quality/quality";
import { groundingLabel, type ShownQuality } from "./pair-quality";

const badge = "rounded px-1.5";
const neutral = "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300";
const warn = "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200";
const good = "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200";

/** One badge with a sentence behind it: a tooltip for the pointer, text for screen readers. */
function Explained({ label, why, tone }: { label: string; why: string; tone: string }) {
  return (
    <li className={`${badge} ${tone}`} title={why}>
      {label}
      <span className="sr-only">: {why}</span>
    </li>
  );
}

/** Grounding, task type, flags and duplicate group of a pair, as badges. */
export function PairBadges({ quality }: { quality: ShownQuality | null }) {
  if (!quality) return null;
  const { grounding, taskType, flags, duplicate } = quality;
  return (
    <ul aria-label="Quality" className="mb-2 flex flex-wrap gap-1 text-[11px]">
      <Explained
        label={groundingLabel(grounding)}
        why={
          grounding === null
            ? "The answer has no content word, so word overlap with the text says nothing."
            : `${Math.round(grounding * 100)}% of the answer's content words appear in the chunk's text.`
        }
        tone={grounding !== null && grounding < WEAK_GROUNDING ? warn : good}
      />
      <Explained
        label={TASK_TYPE_LABELS[taskType]}
        why={
          quality.taskTypeSetByCurator
            ? "Task type, set by a curator."
            : "Task type, read from the question's form."
        }
        tone={neutral}
      />
      {flags.map((f) => (
        <Explained key={f} label={FLAG_LABELS[f]} why={FLAG_DESCRIPTIONS[f]} tone={warn} />
      ))}
      {duplicate && (
        <Explained label={groupLabel(duplicate.group)} why={GROUP_DESCRIPTION} tone={neutral} />
      )}
    </ul>
  );
}
