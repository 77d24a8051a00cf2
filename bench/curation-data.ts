// A large curated project for the curation benchmarks: DOCS documents, each one chunk with
// PAIRS_PER_DOC pairs, written as a version-2 backup the studio restores through its UI.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BACKUP_FORMAT } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { TASK_TYPES } from "../src/core/quality/task-type";
import { tempDir } from "../src/cli/cli-harness";

const TOPICS = ["river", "glacier", "harbour", "orchard", "bridge", "market", "forest", "mill"];
const VERBS = ["flooded", "froze", "opened", "closed", "grew", "moved", "failed", "recovered"];
/** Words for questions that differ as much as real ones do (not only in a number). */
const WORDS = (
  "account acid actor adult advice agency angle animal answer apple area army arrival aspect " +
  "author baby bank basis battle beach bean bear bell belt bench bird blade board boat bone book " +
  "border bottle box brain branch bread brick bridge budget cable cake camera camp canal candle " +
  "carbon card cargo carpet castle cattle ceiling cell chain chair chalk channel chapter cheese " +
  "child church circle city clay climate clock cloth cloud coal coast coffee coin colony comet " +
  "copper corn cotton court crane crowd crystal current custom dairy dam dancer debt desert " +
  "device diamond diet dinner doctor dome drama dream drum dust eagle earth editor egg engine " +
  "estate fabric factory farm feather fence ferry fever field film finger fire fish flag flame " +
  "flour flower fog football forest fork fossil fountain fruit fuel garden gate gene glass glove " +
  "goat gold grain grape grass guitar hammer harbour harvest hat hawk heart helmet herb highway"
).split(" ");

const TEMPLATES = [
  (w: () => string) => `Why did the ${w()} ${w()} change the ${w()} of the ${w()}?`,
  (w: () => string) => `Which ${w()} did the ${w()} use to repair the ${w()} ${w()}?`,
  (w: () => string) => `How many ${w()}s were found near the ${w()} after the ${w()} ${w()}?`,
  (w: () => string) => `What does the report say about ${w()} and ${w()} in the ${w()} ${w()}?`,
  (w: () => string) => `Is the ${w()} of the ${w()} older than its ${w()} ${w()}?`,
];

/** A question drawn deterministically from {@link TEMPLATES} and {@link WORDS} by `n`. */
function question(n: number): string {
  // mulberry32: well-mixed bits, so questions share no more words than chance gives.
  let a = (n + 0x9e3779b9) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => WORDS[Math.floor(next() * WORDS.length)] ?? "word";
  const template = TEMPLATES[Math.floor(next() * TEMPLATES.length)] ?? TEMPLATES[0];
  return template ? template(word) : "";
}

export interface CurationBackupOptions {
  docs: number;
  pairsPerDoc: number;
  /** Store scores with the pairs (as a curated project has), or leave them for the keeper. */
  scored: boolean;
  /** Every pair's status (pending, as synthesized, unless told). */
  status?: "pending" | "accepted";
}

/** When the synthetic pairs were written (ms): 2026-01-01. */
const WRITTEN_FROM = Date.UTC(2026, 0, 1);

/**
 * Writes the backup and returns its path. Questions are drawn from a vocabulary; every 10th
 * repeats an earlier one exactly and every 25th an earlier one with its last word changed.
 */
export function curationBackup({
  docs,
  pairsPerDoc,
  scored,
  status = "pending",
}: CurationBackupOptions): string {
  const projectId = "bench";
  const documents = [];
  const chunks = [];
  const pairs = [];
  for (let d = 0; d < docs; d++) {
    const topic = TOPICS[d % TOPICS.length] ?? "river";
    const text = `Report ${d}. The ${topic} near site ${d} ${VERBS[d % VERBS.length] ?? "grew"} in week ${d % 52}. Inspectors counted ${d % 97} cases and filed note ${d}.`;
    documents.push({
      id: `d${d}`,
      projectId,
      title: `Report ${d}`,
      source: { kind: "paste" },
      text,
      contentHash: contentHash(text),
      createdAt: d,
      updatedAt: d,
    });
    chunks.push({
      id: `c${d}`,
      projectId,
      documentId: `d${d}`,
      index: 0,
      start: 0,
      end: text.length,
      tokens: 40,
      budgetMode: "words",
    });
    for (let p = 0; p < pairsPerDoc; p++) {
      const n = d * pairsPerDoc + p;
      const q =
        n % 10 === 9
          ? question(n - 7)
          : n % 25 === 24
            ? question(n - 11).replace(/\w+\?$/, "tide?")
            : question(n);
      const row: Record<string, unknown> = {
        id: `p${n}`,
        projectId,
        documentId: `d${d}`,
        chunkId: `c${d}`,
        index: p,
        question: q,
        answer: `They counted ${d % 97} cases and filed note ${d} (${p}).`,
        status,
        edited: false,
        origin: "model",
        // One pair a second, as a long synthesis run writes them: write times a millisecond
        // apart put the last 2,000 pairs inside the table's 2 s re-read margin (pairs-sync.ts),
        // which no real project does.
        createdAt: WRITTEN_FROM + n * 1000,
        updatedAt: WRITTEN_FROM + n * 1000,
      };
      if (scored) {
        row.quality = {
          grounding: (n % 11) / 10 > 1 ? 1 : (n % 11) / 10,
          flags: n % 5 === 0 ? ["weakGrounding"] : n % 13 === 0 ? ["shortQuestion"] : [],
          taskType: TASK_TYPES[n % TASK_TYPES.length],
          // Two evidence passages, as a scored pair stores them.
          spans: [4, 12 + (n % 7), 20, 31 + (n % 5)],
        };
      }
      pairs.push(row);
    }
  }
  const backup = {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: "2026-01-01T00:00:00.000Z",
    app: { name: "IPT Studio", version: "bench" },
    project: { id: projectId, name: `Curation ${docs}`, createdAt: 0, updatedAt: 0 },
    documents,
    chunks,
    results: [],
    pairs,
    jobs: [],
    tasks: [],
    settings: [],
  };
  const path = join(
    tempDir(),
    `curation-${docs}-${scored ? "scored" : "raw"}-${status}.ipt-backup.json`,
  );
  writeFileSync(path, JSON.stringify(backup));
  return path;
}
