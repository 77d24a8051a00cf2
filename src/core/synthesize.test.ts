import { describe, expect, it } from "vitest";
import { scriptedEngine } from "../testing/scripted-engine";
import { EngineError } from "./synthesis-engine";
import { synthesize } from "./synthesize";
import { readBlock } from "./tags";
import type { Pair } from "./types";

const RAW = "<QUE> q1 <ANS> a1 </END>\n\n<QUE> q2 <ANS> a2 </END>";
const pieces = (s: string, n = 5) => s.match(new RegExp(`[\\s\\S]{1,${n}}`, "g")) ?? [];
let clock = 0;
const now = () => (clock += 500);

describe("synthesize", () => {
  it("streams text, reports pairs as each </END> arrives, and returns the parsed result", async () => {
    const engine = scriptedEngine([{ kind: "ok", pieces: pieces(RAW) }]);
    const seen: string[] = [];
    const pairUpdates: Pair[][] = [];
    const out = await synthesize({
      engine,
      prompt: readBlock("doc"),
      now,
      events: { onText: (d) => seen.push(d), onPairs: (p) => pairUpdates.push(p) },
    });
    expect(seen.join("")).toBe(RAW);
    expect(pairUpdates.map((p) => p.length)).toEqual([1, 2]);
    expect(out.pairs).toEqual([
      { question: "q1", answer: "a1" },
      { question: "q2", answer: "a2" },
    ]);
    expect(out.finishReason).toBe("stop");
    expect(out.error).toBeUndefined();
    // The reference decodes greedily with at most 400 new tokens.
    expect(engine.calls[0]?.options).toMatchObject({ maxTokens: 400, temperature: 0 });
    expect(out.usage?.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it("keeps partial output and the error when the engine fails mid-stream", async () => {
    const cut = RAW.indexOf("<QUE> q2") + 4;
    const engine = scriptedEngine([
      {
        kind: "fail",
        pieces: pieces(RAW.slice(0, cut)),
        error: new EngineError("network", "The server closed the stream.", "ECONNRESET"),
      },
    ]);
    const out = await synthesize({ engine, prompt: "p", now });
    expect(out.finishReason).toBe("error");
    expect(out.rawOutput).toBe(RAW.slice(0, cut));
    expect(out.pairs).toEqual([{ question: "q1", answer: "a1" }]);
    expect(out.error).toEqual({
      kind: "network",
      message: "The server closed the stream.",
      detail: "ECONNRESET",
    });
  });

  it("wraps an unexpected exception instead of throwing", async () => {
    const engine = scriptedEngine([]);
    engine.complete = () => Promise.reject(new Error("boom"));
    const out = await synthesize({ engine, prompt: "p", now });
    expect(out.error?.kind).toBe("unknown");
    expect(out.error?.detail).toContain("boom");
  });

  it("honours the abort signal and keeps what was written", async () => {
    const engine = scriptedEngine([{ kind: "hang", pieces: ["<QUE> q1 <ANS> a1 </END>"] }]);
    const controller = new AbortController();
    const run = synthesize({
      engine,
      prompt: "p",
      now,
      signal: controller.signal,
      events: { onText: () => controller.abort() },
    });
    const out = await run;
    expect(out.finishReason).toBe("abort");
    expect(out.rawOutput).toBe("<QUE> q1 <ANS> a1 </END>");
    expect(out.pairs).toHaveLength(1);
  });
});
