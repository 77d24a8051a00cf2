import { describe, expect, it } from "vitest";
import type { IngestedDocument } from "./documents";
import { emptyList, type RecordIssue } from "./report";
import { BatchSender, type BatchMessage } from "./sender";

const doc = (file: number, chars = 10): IngestedDocument => ({
  file,
  title: `d${file}`,
  text: "x".repeat(chars),
  source: { kind: "file" },
  chunks: [],
  budgetMode: "words",
  contentHash: "h",
});

const outcome = (file: number) => ({ file, ok: true as const, issues: emptyList<RecordIssue>() });

/** A sender whose page acknowledges only when told to, and a clock that stands still. */
function harness(maxItems = 2) {
  const posted: BatchMessage[] = [];
  const waiting: (() => void)[] = [];
  let acks = 0;
  const sender = new BatchSender(
    {
      post: (b) => posted.push(b),
      nextAck: () =>
        acks > 0
          ? Promise.resolve(acks--)
          : new Promise<void>((resolve) => waiting.push(() => resolve())),
      now: () => 0,
    },
    { limits: { maxItems, maxChars: 1000 }, maxUnacknowledged: 2 },
  );
  const ack = () => {
    const w = waiting.shift();
    if (w) w();
    else acks++;
  };
  return { sender, posted, ack };
}

describe("BatchSender", () => {
  it("sends full batches, and each file's outcome with its last documents", async () => {
    const { sender, posted, ack } = harness();
    await sender.add(doc(0));
    await sender.finish(outcome(0)); // the batch is still open: the outcome waits for it
    expect(posted).toHaveLength(0);
    await sender.add(doc(1));
    expect(posted.map((b) => [b.docs.map((d) => d.file), b.outcomes.map((o) => o.file)])).toEqual([
      [[0, 1], [0]],
    ]);
    await sender.finish(outcome(1)); // nothing open: sent at once, with no documents
    expect(posted[1]).toMatchObject({ docs: [], outcomes: [{ file: 1 }] });
    ack();
    await sender.end();
    expect(sender.documents).toBe(2);
  });

  it("waits for the page once two batches are unacknowledged", async () => {
    const { sender, posted, ack } = harness(1);
    await sender.add(doc(0));
    await sender.add(doc(1));
    let third = false;
    const adding = sender.add(doc(2)).then(() => (third = true));
    await Promise.resolve();
    expect([posted.length, third]).toEqual([2, false]);
    ack();
    await adding;
    expect(posted.map((b) => b.seq)).toEqual([0, 1, 2]);
    const ending = sender.end();
    ack();
    ack();
    await ending;
  });
});
