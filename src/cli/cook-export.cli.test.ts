import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBlock } from "../core/tags";
import { runIpt, tempDir } from "./cli-harness";

const collections = [
  {
    entries: [
      {
        text: "Tidal marshes store carbon in waterlogged soil.",
        pairs: [
          { question: "Where do tidal marshes store carbon?", answer: "In waterlogged soil." },
        ],
        inheritsFromPrevious: false,
        followedByNext: true,
      },
      {
        text: "Basalt forms when lava cools quickly.",
        pairs: [
          { question: "How does basalt form?", answer: "When lava cools quickly." },
          { question: "What cools quickly?", answer: "Lava." },
        ],
        inheritsFromPrevious: true,
        followedByNext: false,
      },
    ],
  },
  {
    entries: [
      {
        text: "A short note without pairs.",
        pairs: [],
        inheritsFromPrevious: false,
        followedByNext: false,
      },
    ],
  },
];

function setup(): { dir: string; input: string } {
  const dir = tempDir();
  const input = join(dir, "collections.jsonl");
  writeFileSync(input, collections.map((c) => JSON.stringify(c)).join("\n") + "\n");
  return { dir, input };
}
const readJsonl = (path: string) =>
  readFileSync(path, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("ipt cook (built CLI)", () => {
  it("cooks each collection reproducibly, keeping every plain pair verbatim", async () => {
    const { dir, input } = setup();
    const a = join(dir, "a.jsonl");
    const b = join(dir, "b.jsonl");
    expect((await runIpt(["cook", "--input", input, "--output", a, "--seed", "7"])).code).toBe(0);
    expect((await runIpt(["cook", "--input", input, "--output", b, "--seed", "7"])).code).toBe(0);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    const texts = readJsonl(a).map((l) => l.text as string);
    // The chained entries become one text; the entry without pairs is emitted raw.
    expect(texts).toHaveLength(2);
    for (const s of [
      "Where do tidal marshes store carbon?",
      "In waterlogged soil.",
      "How does basalt form?",
      "Lava.",
    ]) {
      expect(texts[0]).toContain(s);
    }
    expect(texts[0]?.indexOf("Tidal marshes")).toBeLessThan(
      texts[0]?.indexOf("Basalt forms") ?? -1,
    );
    expect(texts[1]).toBe("A short note without pairs.");
  });

  it("keeps collections raw with --raw-ratio 1", async () => {
    const { dir, input } = setup();
    const out = join(dir, "raw.jsonl");
    expect(
      (await runIpt(["cook", "--input", input, "--output", out, "--raw-ratio", "1"])).code,
    ).toBe(0);
    expect(readJsonl(out).map((l) => l.text)).toEqual([
      "Tidal marshes store carbon in waterlogged soil.",
      "Basalt forms when lava cools quickly.",
      "A short note without pairs.",
    ]);
  });

  it("refuses an invalid template pack naming the exact path, and bad lines by number", async () => {
    const { dir, input } = setup();
    const pack = join(dir, "pack.json");
    writeFileSync(pack, JSON.stringify({ version: 1, name: "broken" }));
    const r = await runIpt([
      "cook",
      "--input",
      input,
      "--output",
      join(dir, "x.jsonl"),
      "--pack",
      pack,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--pack .*pack\.json: \S+/);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, JSON.stringify(collections[0]) + '\n{"entries": [{"text": 1}]}\n');
    const b = await runIpt(["cook", "--input", bad, "--output", join(dir, "y.jsonl")]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("line 2");
  });
});

describe("ipt export (built CLI)", () => {
  it("writes messages, ShareGPT, Alpaca and synthesizer formats", async () => {
    const { dir, input } = setup();
    const run = async (format: string, ...extra: string[]) => {
      const out = join(dir, `${format}.out`);
      const r = await runIpt([
        "export",
        "--input",
        input,
        "--format",
        format,
        "--output",
        out,
        ...extra,
      ]);
      expect(r.code).toBe(0);
      return out;
    };
    const messages = readJsonl(await run("messages"));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toEqual({
      messages: [
        {
          role: "user",
          content:
            "Tidal marshes store carbon in waterlogged soil.\n\nWhere do tidal marshes store carbon?",
        },
        { role: "assistant", content: "In waterlogged soil." },
      ],
    });
    const questionOnly = readJsonl(await run("messages", "--question-only"));
    expect((questionOnly[0]?.messages as { content: string }[])[0]?.content).toBe(
      "Where do tidal marshes store carbon?",
    );
    const sharegpt = readJsonl(await run("sharegpt"));
    expect(sharegpt[2]).toEqual({
      conversations: [
        { from: "human", value: "Basalt forms when lava cools quickly.\n\nWhat cools quickly?" },
        { from: "gpt", value: "Lava." },
      ],
    });
    const alpaca = readJsonl(await run("alpaca"));
    expect(alpaca[1]).toEqual({
      instruction: "How does basalt form?",
      input: "Basalt forms when lava cools quickly.",
      output: "When lava cools quickly.",
    });
    const synth = readJsonl(await run("synthesizer"));
    expect(synth).toHaveLength(2);
    expect(synth[0]?.text).toBe(
      readBlock("Tidal marshes store carbon in waterlogged soil.") +
        "<QUE> Where do tidal marshes store carbon? <ANS> In waterlogged soil. </END></s>",
    );
    const plain = readFileSync(await run("synthesizer-text"), "utf8");
    expect(plain.startsWith("<s> <CON> Tidal marshes")).toBe(true);
  });

  it("rejects an unknown format", async () => {
    const { dir, input } = setup();
    const r = await runIpt([
      "export",
      "--input",
      input,
      "--format",
      "csv",
      "--output",
      join(dir, "z"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format must be one of");
  });
});
