import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "../../e2e/fixture-server";
import { readBlock } from "../core/tags";
import { runIpt, startIpt, tempDir } from "./cli-harness";

interface Example {
  texts: string[];
  rounds: number;
  calls: { prompt: string; output: string }[][];
  collections: unknown[];
}
const example = JSON.parse(
  readFileSync(new URL("../core/testdata/multiround-example.json", import.meta.url), "utf8"),
) as Example;

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function writeDocs(
  dir: string,
  texts: string[],
  extra: (i: number) => object = () => ({}),
): string {
  const path = join(dir, "docs.jsonl");
  writeFileSync(
    path,
    texts.map((text, i) => JSON.stringify({ text, ...extra(i) })).join("\n") + "\n",
  );
  return path;
}
const lines = (path: string) =>
  readFileSync(path, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { entries: Record<string, unknown>[] });
const base = (input: string, output: string) => [
  "synthesize",
  "--input",
  input,
  "--output",
  output,
  "--endpoint",
  server.url,
  "--model",
  "synth",
];

describe("ipt synthesize (built CLI against the fixture server)", () => {
  it("reproduces the multi-round reference example: prompts and collections", async () => {
    const dir = tempDir();
    const input = writeDocs(dir, example.texts);
    const output = join(dir, "out.jsonl");
    const calls = example.calls.flat();
    // Requests within a round run concurrently; with concurrency 1 they arrive in plan order.
    server.script(calls.map((c) => ({ kind: "ok" as const, output: c.output })));
    const r = await runIpt([
      ...base(input, output),
      "--rounds",
      String(example.rounds),
      "--concurrency",
      "1",
    ]);
    expect(r.code).toBe(0);
    const prompts = server.requests
      .filter((q) => q.path.endsWith("/completions"))
      .map((q) => (q.body as { prompt: string }).prompt);
    expect(prompts).toEqual(calls.map((c) => c.prompt));
    const got = lines(output).map((l) => ({
      entries: l.entries.map(({ meta: _meta, ...rest }) => rest),
    }));
    expect(got).toEqual(example.collections.map((entries) => ({ entries })));
  });

  it("sends the reference request and keeps input fields as metadata", async () => {
    const dir = tempDir();
    const input = writeDocs(dir, ["Cells divide.", "Rivers flow."], (i) => ({ id: `doc-${i}` }));
    const output = join(dir, "out.jsonl");
    const r = await runIpt(base(input, output));
    expect(r.code).toBe(0);
    const body = server.requests.find((q) => q.path.endsWith("/completions"))?.body;
    expect(body).toMatchObject({
      model: "synth",
      prompt: readBlock("Cells divide."),
      max_tokens: 400,
      temperature: 0,
    });
    const out = lines(output);
    expect(out.map((l) => l.entries[0]?.meta)).toEqual([{ id: "doc-0" }, { id: "doc-1" }]);
    expect(out[0]?.entries[0]).toMatchObject({
      text: "Cells divide.",
      inheritsFromPrevious: false,
      followedByNext: false,
    });
  });

  it(
    "retries 500s, 429s, timeouts and dropped connections, and records what still fails",
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const input = writeDocs(dir, ["a b c", "d e f", "g h i"]);
      const output = join(dir, "out.jsonl");
      server.script([
        { kind: "status", status: 500 },
        { kind: "status", status: 429, retryAfter: 0 },
        { kind: "drop", output: "<QUE> x", afterChars: 3 },
        { kind: "hang" },
        { kind: "malformed" },
      ]);
      const r = await runIpt([
        ...base(input, output),
        "--concurrency",
        "1",
        "--max-retries",
        "6",
        "--timeout",
        "1",
      ]);
      // The first document rode out the 500, 429, dropped connection and timeout, then got a
      // malformed body, which is not worth retrying: it is recorded, and the run goes on.
      expect(r.code).toBe(1);
      const out = lines(output);
      expect(out).toHaveLength(3);
      expect(out[0]?.entries[0]).toMatchObject({
        pairs: [],
        error: expect.stringMatching(/malformed|not valid/i) as unknown,
      });
      for (const l of out.slice(1))
        expect((l.entries[0]?.pairs as unknown[]).length).toBeGreaterThan(0);
      expect(server.requests.filter((q) => q.path.endsWith("/completions"))).toHaveLength(7);

      // A document whose requests keep failing is recorded with its error, never dropped.
      server.reset();
      server.script(Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 503 })));
      const single = writeDocs(tempDir(), ["only one"]);
      const failedOut = join(dir, "failed.jsonl");
      const f = await runIpt([...base(single, failedOut), "--max-retries", "2"]);
      expect(f.code).toBe(1);
      expect(f.stderr).toContain("1 document failed");
      expect(lines(failedOut)[0]?.entries[0]).toMatchObject({
        text: "only one",
        pairs: [],
        error: expect.stringContaining("503") as unknown,
      });
    },
  );

  it("reports bad input lines with their number, or skips them with --skip-bad-lines", async () => {
    const dir = tempDir();
    const input = join(dir, "docs.jsonl");
    writeFileSync(input, '{"text":"good"}\n{"text": 3}\nnot json\n{"text":"fine"}\n');
    const output = join(dir, "out.jsonl");
    const bad = await runIpt(base(input, output));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("line 2");
    const skipped = await runIpt([...base(input, output), "--skip-bad-lines"]);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("skipping 2 bad input lines: 2, 3");
    expect(lines(output).map((l) => l.entries[0]?.text)).toEqual(["good", "fine"]);
  });

  it("splits the input deterministically with --shard", async () => {
    const dir = tempDir();
    const input = writeDocs(dir, ["t0", "t1", "t2", "t3", "t4"]);
    const texts: string[] = [];
    for (const shard of ["0/2", "1/2"]) {
      const output = join(dir, `out-${shard.replace("/", "-")}.jsonl`);
      expect((await runIpt([...base(input, output), "--shard", shard])).code).toBe(0);
      texts.push(...lines(output).map((l) => l.entries[0]?.text as string));
    }
    expect(texts).toEqual(["t0", "t2", "t4", "t1", "t3"]);
  });

  it("after kill -9 mid-run, --resume writes exactly the uninterrupted output", async () => {
    const dir = tempDir();
    const texts = Array.from(
      { length: 40 },
      (_, i) => `Document number ${i} talks about topic ${i % 7}.`,
    );
    const input = writeDocs(dir, texts);
    const reference = join(dir, "reference.jsonl");
    expect((await runIpt([...base(input, reference), "--concurrency", "4"])).code).toBe(0);

    const output = join(dir, "out.jsonl");
    // Slow answers, so the kill lands mid-run with requests in flight.
    server.reset();
    server.setLatency(40);
    const run = startIpt([...base(input, output), "--concurrency", "4"]);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (server.requests.length >= 14) {
          clearInterval(timer);
          resolve();
        }
      }, 2);
    });
    run.child.kill("SIGKILL");
    expect((await run.done).code).toBeNull();
    const partial = readFileSync(output, "utf8").split("\n").length - 1;
    expect(partial).toBeLessThan(40);
    server.setLatency(0);
    const resumed = await runIpt([...base(input, output), "--concurrency", "4", "--resume"]);
    expect(resumed.code).toBe(0);
    expect(readFileSync(output, "utf8")).toBe(readFileSync(reference, "utf8"));
  });

  it("after kill -9 in the second of two rounds, --resume writes exactly the uninterrupted output", async () => {
    const dir = tempDir();
    const texts = Array.from(
      { length: 30 },
      (_, i) => `Report ${i}: the river rose ${i} centimetres overnight.`,
    );
    const input = writeDocs(dir, texts);
    const reference = join(dir, "reference.jsonl");
    const args = (output: string) => [
      ...base(input, output),
      "--rounds",
      "2",
      "--concurrency",
      "4",
    ];
    expect((await runIpt(args(reference))).code).toBe(0);
    // Round 2 prompts carry round 1's pairs as demonstrations.
    const prompts = server.requests.map((q) => (q.body as { prompt: string }).prompt);
    expect(prompts.filter((p) => p.includes("</s><s> <CON>"))).toHaveLength(15);

    server.reset();
    server.setLatency(30);
    const output = join(dir, "out.jsonl");
    const run = startIpt(args(output));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (server.requests.length >= 20) {
          clearInterval(timer);
          resolve();
        }
      }, 2);
    });
    run.child.kill("SIGKILL");
    await run.done;
    server.reset();
    const resumed = await runIpt([...args(output), "--resume"]);
    expect(resumed.code).toBe(0);
    // Finished requests were replayed from the checkpoint, not sent again.
    expect(server.requests.length).toBeLessThan(30);
    expect(readFileSync(output, "utf8")).toBe(readFileSync(reference, "utf8"));
  });

  it("refuses --resume with different settings", async () => {
    const dir = tempDir();
    const input = writeDocs(dir, ["one", "two"]);
    const output = join(dir, "out.jsonl");
    expect((await runIpt(base(input, output))).code).toBe(0);
    const r = await runIpt([...base(input, output), "--resume", "--max-new-tokens", "200"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("other settings");
  });

  it("--budget tokens measures demonstrations with the model's tokenizer", async () => {
    const dir = tempDir();
    const input = writeDocs(dir, ["cells divide.", "cells divide. cells divide."]);
    const tokenizer = fileURLToPath(
      new URL("../engine/webllm/testdata/bos-tokenizer.json", import.meta.url),
    );
    // Round 2's candidate prompt is 15 space-separated parts (22.5 by the words estimate) but
    // 18 tokens, so with room for 20 only the tokens budget keeps the demonstration.
    const limits = [
      "--rounds",
      "2",
      "--max-model-len",
      "30",
      "--max-new-tokens",
      "10",
      "--concurrency",
      "1",
    ];
    server.script([{ kind: "ok", output: "<QUE> q <ANS> a </END>" }]);
    expect((await runIpt([...base(input, join(dir, "w.jsonl")), ...limits])).code).toBe(0);
    const wordsPrompt = (server.requests[1]?.body as { prompt: string }).prompt;
    expect(wordsPrompt).toBe(readBlock("cells divide. cells divide."));

    server.reset();
    server.script([{ kind: "ok", output: "<QUE> q <ANS> a </END>" }]);
    const r = await runIpt([
      ...base(input, join(dir, "t.jsonl")),
      ...limits,
      "--budget",
      "tokens",
      "--tokenizer",
      tokenizer,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("budget tokens");
    const tokensPrompt = (server.requests[1]?.body as { prompt: string }).prompt;
    expect(tokensPrompt).toBe(
      readBlock("cells divide.") +
        "<QUE> q <ANS> a </END></s>" +
        readBlock("cells divide. cells divide."),
    );
  });
});
