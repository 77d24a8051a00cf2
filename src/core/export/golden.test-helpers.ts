/**
 * Builds every golden output from `testdata/golden-project.json`, so the golden test and the
 * one-off script that wrote the checked-in files run exactly the same code.
 */
import { DEFAULT_TEMPLATE_PACK } from "../cook/default-pack";
import { EXPORT_FORMATS, exportLines, formatExtension, type ExportOptions } from "./formats";
import { buildHubBundle, type Provenance } from "./hub-bundle";
import {
  countStudio,
  toChainedCollections,
  toCollections,
  type PairFilter,
  type StudioDocument,
  type StudioEntry,
} from "./studio-dataset";

/** The shape of `testdata/golden-project.json`. */
export interface GoldenProject {
  documents: StudioDocument[];
  export: { seed: number; pairFilter: PairFilter; rawRatio: number; general: string[] };
  hub: {
    prettyName: string;
    license: string;
    language: string[];
    repoId: string;
    provenance: Omit<Provenance, "counts" | "export">;
  };
}

/** File name (in `testdata/`) → the bytes the current code produces for it. */
export function goldenOutputs(project: GoldenProject): Record<string, string> {
  const collections = toCollections(project.documents, project.export.pairFilter);
  const options: ExportOptions = {
    seed: project.export.seed,
    pack: DEFAULT_TEMPLATE_PACK,
    rawRatio: project.export.rawRatio,
    general: project.export.general,
  };
  const out: Record<string, string> = {};
  const lines: Record<string, string[]> = {};
  for (const format of EXPORT_FORMATS) {
    lines[format] = [...exportLines(collections, format, options)];
    out[`golden.${format}.${formatExtension(format)}`] = lines[format].join("");
  }
  const bundle = buildHubBundle({
    ...project.hub,
    provenance: {
      ...project.hub.provenance,
      counts: countStudio(project.documents),
      export: {
        pairFilter: project.export.pairFilter,
        rawRatio: project.export.rawRatio,
        questionOnly: false,
        generalTexts: project.export.general.length,
      },
    },
    data: { pretraining: lines.pretraining ?? [], messages: lines.messages ?? [] },
  });
  // The card is stored as .txt so prettier leaves its Markdown exactly as generated.
  out["golden.hub-README.md.txt"] = bundle["README.md"] ?? "";
  out["golden.hub-provenance.json"] = bundle["provenance.json"] ?? "";
  return out;
}

/**
 * The shape of `testdata/golden-chained-project.json`: a two-round synthesis whose entries are
 * chunks (one document is two chunks), grouped into the chains the database's links describe.
 */
export interface GoldenChainedProject {
  chains: StudioEntry[][];
  export: { seed: number; pairFilter: PairFilter; rawRatio: number; general: string[] };
}

/** The formats pinned for the chained project: cooking and the links are what it is about. */
export const CHAINED_FORMATS = ["pretraining", "messages", "collections"] as const;

/** File name (in `testdata/`) → the bytes the current code produces for the chained project. */
export function goldenChainedOutputs(project: GoldenChainedProject): Record<string, string> {
  const collections = toChainedCollections(project.chains, project.export.pairFilter);
  const options: ExportOptions = {
    seed: project.export.seed,
    pack: DEFAULT_TEMPLATE_PACK,
    rawRatio: project.export.rawRatio,
    general: project.export.general,
  };
  const out: Record<string, string> = {};
  for (const format of CHAINED_FORMATS) {
    out[`golden-chained.${format}.${formatExtension(format)}`] = [
      ...exportLines(collections, format, options),
    ].join("");
  }
  return out;
}
