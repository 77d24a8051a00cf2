import { describe, expect, it } from "vitest";
import { buildHubBundle, sizeCategory, type HubBundleInput, type Provenance } from "./hub-bundle";
import { yamlString } from "./hub-card";

const provenance: Provenance = {
  model: "org/synth-model",
  engine: "an OpenAI-compatible server",
  settings: { maxModelLen: 4096, maxNewTokens: 400, temperature: 0.7, rounds: 2, budget: "tokens" },
  seed: 7,
  templatePack: { name: "My pack", version: "3" },
  appVersion: "0.1.0",
  counts: { documents: 2, pairs: 10, accepted: 6, rejected: 2, pending: 2 },
};
const lines = (n: number, key = "text"): string[] =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ [key]: `r${i}` }) + "\n");
const input: HubBundleInput = {
  prettyName: "Bio: notes",
  license: "apache-2.0",
  language: ["en", "no"],
  provenance,
  data: { messages: lines(3, "messages"), pretraining: lines(1200) },
};

/** The front matter's lines, between the two `---` fences. */
function yamlLines(readme: string): string[] {
  const all = readme.split("\n");
  expect(all[0]).toBe("---");
  const end = all.indexOf("---", 1);
  expect(end).toBeGreaterThan(0);
  return all.slice(1, end);
}

describe("sizeCategory", () => {
  it("uses the Hub's buckets, upper bounds exclusive", () => {
    const cases: [number, string][] = [
      [0, "n<1K"],
      [999, "n<1K"],
      [1000, "1K<n<10K"],
      [9999, "1K<n<10K"],
      [10_000, "10K<n<100K"],
      [999_999, "100K<n<1M"],
      [1_000_000, "1M<n<10M"],
      [50_000_000, "10M<n<100M"],
      [100_000_000, "100M<n<1B"],
      [5e9, "1B<n<10B"],
      [5e10, "10B<n<100B"],
      [5e11, "100B<n<1T"],
      [1e12, "n>1T"],
    ];
    for (const [n, label] of cases) expect(sizeCategory(n), String(n)).toBe(label);
  });
});

describe("buildHubBundle", () => {
  const bundle = buildHubBundle(input);
  const readme = bundle["README.md"] ?? "";

  it("lays out the repository: card, provenance, data files in a fixed order", () => {
    expect(Object.keys(bundle)).toEqual([
      "README.md",
      "provenance.json",
      "data/pretrain.jsonl",
      "data/messages.jsonl",
    ]);
    expect(bundle["data/messages.jsonl"]).toBe(lines(3, "messages").join(""));
  });

  it("writes well-formed front matter with every field the Hub reads", () => {
    const yaml = yamlLines(readme);
    expect(yaml).toContain('pretty_name: "Bio: notes"');
    expect(yaml).toContain('license: "apache-2.0"');
    // "no" quoted, or YAML 1.1 would read Norwegian as false.
    expect(yaml.slice(yaml.indexOf("language:"), yaml.indexOf("language:") + 3)).toEqual([
      "language:",
      '- "en"',
      '- "no"',
    ]);
    expect(yaml).toEqual(expect.arrayContaining(["- text-generation", "- question-answering"]));
    const size = yaml.indexOf("size_categories:");
    expect(yaml[size + 1]).toBe("- 1K<n<10K");
    const configs = yaml.slice(yaml.indexOf("configs:") + 1);
    expect(configs).toEqual([
      "- config_name: pretrain",
      "  data_files:",
      "  - split: train",
      "    path: data/pretrain.jsonl",
      "  default: true",
      "- config_name: messages",
      "  data_files:",
      "  - split: train",
      "    path: data/messages.jsonl",
    ]);
    // Every line is a key, a list item or an indented continuation: no stray text.
    for (const line of yaml) expect(line).toMatch(/^([a-z_]+:( .+)?|- .+|  +[-a-z_ ].*)$/);
  });

  it("keeps user strings on one quoted YAML line whatever they contain", () => {
    expect(yamlString('a "b"\nc\u2028')).toBe('"a \\"b\\"\\nc\\u2028"');
    const yaml = yamlLines(
      buildHubBundle({ ...input, prettyName: "x\n---\nlicense: mit" })["README.md"]!,
    );
    expect(yaml.filter((l) => l.startsWith("license:"))).toEqual(['license: "apache-2.0"']);
  });

  it("describes the method, the run and the review in the body", () => {
    const body = readme.slice(readme.indexOf("\n---\n") + 5);
    for (const fact of [
      "arXiv:2406.14491",
      "`org/synth-model`",
      "an OpenAI-compatible server",
      "max model length 4096 tokens",
      "up to 400 new tokens",
      "temperature 0.7",
      "2 rounds",
      "length budget in tokens",
      "Seed: 7",
      "My pack (version 3)",
      "IPT Studio 0.1.0",
      "| 2 | 10 | 6 | 2 | 2 | 75.0% |",
      "| `pretrain` | `data/pretrain.jsonl` | 1200 |",
    ]) {
      expect(body, fact).toContain(fact);
    }
  });

  it("writes provenance.json with the same facts", () => {
    const json = JSON.parse(bundle["provenance.json"] ?? "") as Record<string, unknown>;
    expect(json).toMatchObject({
      method: { arxiv: "2406.14491" },
      model: "org/synth-model",
      settings: provenance.settings,
      seed: 7,
      templatePack: { name: "My pack", version: "3" },
      counts: provenance.counts,
      acceptanceRate: 0.75,
      files: [
        { config: "pretrain", path: "data/pretrain.jsonl", format: "pretraining", records: 1200 },
        { config: "messages", path: "data/messages.jsonl", format: "messages", records: 3 },
      ],
    });
    expect(json).not.toHaveProperty("createdAt");
  });

  it("never writes an API key or other fields it was not asked for", () => {
    const leaky = {
      ...provenance,
      apiKey: "sk-secret-123",
      settings: { ...provenance.settings, apiKey: "sk-secret-456", baseUrl: "https://x" },
    } as Provenance;
    const out = buildHubBundle({ ...input, provenance: leaky });
    for (const text of [out["README.md"], out["provenance.json"]]) {
      expect(text).not.toMatch(/api.?key|sk-secret|baseUrl|authorization|token"\s*:/i);
    }
  });

  it("is deterministic, with a date only when one is passed", () => {
    expect(buildHubBundle(input)).toEqual(bundle);
    expect(readme).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const dated = buildHubBundle({
      ...input,
      provenance: { ...provenance, createdAt: "2025-01-02" },
    });
    expect(dated["README.md"]).toContain("Created: 2025-01-02");
    expect(JSON.parse(dated["provenance.json"]!)).toHaveProperty("createdAt", "2025-01-02");
  });

  it("leaves out empty files and refuses a bundle with no data or broken lines", () => {
    const some = buildHubBundle({ ...input, data: { pretraining: lines(2), alpaca: [] } });
    expect(Object.keys(some)).not.toContain("data/alpaca.jsonl");
    expect(() => buildHubBundle({ ...input, data: { messages: [] } })).toThrow(RangeError);
    expect(() => buildHubBundle({ ...input, data: { pretraining: ['{"text":"a"}'] } })).toThrow(
      /line 1/,
    );
  });

  it("sizes the dataset by its largest file and reports n/a before any review", () => {
    const small = buildHubBundle({
      ...input,
      language: "fr",
      data: { pretraining: lines(999) },
      provenance: { ...provenance, counts: { ...provenance.counts, accepted: 0, rejected: 0 } },
    });
    const yaml = yamlLines(small["README.md"]!);
    expect(yaml).toContain("- n<1K");
    expect(yaml).toContain('- "fr"');
    expect(small["README.md"]).toContain("n/a (nothing reviewed)");
  });
});
