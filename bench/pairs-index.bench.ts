// The curation table's index (core/curation/pairs-index.ts) on 100,000 pairs in 20,000
// documents, outside the browser: a filter change, a search, and the first search after a load
// (which used to sort every word). The budgets are the page's (100 ms each, in
// curation-browser.bench.ts); these are the worker's own share.
import { bench, describe } from "vitest";
import { PairsIndex } from "../src/core/curation/pairs-index";
import { facts } from "../src/core/curation/test-facts.test-helpers";
import { EMPTY_VIEW, type PairsView } from "../src/core/curation/view";

const PAIRS = 100_000;
const WORDS = "cell divide protein membrane energy light water carbon growth signal".split(" ");
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

function loaded(): PairsIndex {
  const index = new PairsIndex();
  index.setTitles(Array.from({ length: PAIRS / 5 }, (_, d) => [`d${d}`, `Document ${d}`] as const));
  const rows = Array.from({ length: PAIRS }, (_, i) =>
    facts(crypto.randomUUID(), {
      documentId: `d${Math.floor(i / 5)}`,
      index: i % 5,
      question: `What does ${WORDS[i % 10]} number ${i} do with ${WORDS[(i * 7) % 10]}?`,
      answer: `It ${WORDS[(i * 3) % 10]} the ${WORDS[(i * 9) % 10]} ${i % 97}.`,
      status: (["pending", "accepted", "rejected"] as const)[i % 3],
      grounding: (i % 11) / 10,
      flags: i % 5 === 0 ? ["weakGrounding"] : [],
    }),
  );
  for (let i = 0; i < rows.length; i += 5000)
    index.upsert(
      rows.slice(i, i + 5000),
      Int32Array.from({ length: 5000 }, (_, k) => i + k),
    );
  return index;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe("pairs index", () => {
  bench(
    `queries over ${PAIRS.toLocaleString("en-US")} pairs`,
    () => {
      const index = loaded();
      const time = (v: PairsView) => {
        const t = performance.now();
        const r = index.queryKeys(v);
        return { ms: performance.now() - t, n: r.keys.length };
      };
      const order = time(EMPTY_VIEW); // builds the document order once
      const first = time({ ...EMPTY_VIEW, search: "prot" });
      const runs = (v: PairsView) => Array.from({ length: 7 }, () => time(v));
      const filter = runs({ ...EMPTY_VIEW, groundingMin: 0.5 });
      const combined = runs({ ...EMPTY_VIEW, statuses: ["accepted"], flags: ["weakGrounding"] });
      const search = runs({ ...EMPTY_VIEW, search: "protein wa" });
      const fmt = (label: string, xs: { ms: number; n: number }[]) =>
        `${label} (${xs[0]?.n.toLocaleString("en-US")} match): median ${median(xs.map((x) => x.ms)).toFixed(1)} ms`;
      console.log(
        `  ${fmt("filter grounding >= 0.5", filter)}; ${fmt("status and flag", combined)}; ${fmt("search", search)}; ` +
          `first query after the load (sorting by document) ${order.ms.toFixed(1)} ms, first search ${first.ms.toFixed(1)} ms`,
      );
    },
    once,
  );
});
