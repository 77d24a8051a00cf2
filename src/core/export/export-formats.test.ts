import { describe, expect, it } from "vitest";
import { parseSynthesizerOutput } from "../parse";
import {
  alpacaLine,
  entryRecords,
  openAiChatLine,
  pretrainingLine,
  shareGptLine,
  synthesizerTrainingChunk,
  synthesizerTrainingLine,
  synthesizerTrainingText,
} from "./export-formats";

const record = {
  context: "Cells divide.\nOften.",
  question: "What do cells do?",
  answer: 'They "divide".',
};

describe("line formats", () => {
  it("writes pre-training lines", () => {
    expect(pretrainingLine('a\n"b"')).toBe('{"text":"a\\n\\"b\\""}');
  });

  it("writes OpenAI chat lines, with or without the context", () => {
    expect(JSON.parse(openAiChatLine(record))).toEqual({
      messages: [
        { role: "user", content: "Cells divide.\nOften.\n\nWhat do cells do?" },
        { role: "assistant", content: 'They "divide".' },
      ],
    });
    const bare = JSON.parse(openAiChatLine(record, { questionOnly: true })) as {
      messages: Array<{ content: string }>;
    };
    expect(bare.messages[0]!.content).toBe("What do cells do?");
    const noContext = JSON.parse(openAiChatLine({ ...record, context: " " })) as typeof bare;
    expect(noContext.messages[0]!.content).toBe("What do cells do?");
  });

  it("writes ShareGPT lines", () => {
    expect(JSON.parse(shareGptLine(record))).toEqual({
      conversations: [
        { from: "human", value: "Cells divide.\nOften.\n\nWhat do cells do?" },
        { from: "gpt", value: 'They "divide".' },
      ],
    });
  });

  it("writes Alpaca lines", () => {
    expect(JSON.parse(alpacaLine(record))).toEqual({
      instruction: "What do cells do?",
      input: "Cells divide.\nOften.",
      output: 'They "divide".',
    });
  });

  it("never breaks a line, whatever the text", () => {
    const nasty = { context: "a\r\nb\u2028c", question: "\n", answer: "\ud800" };
    for (const line of [openAiChatLine(nasty), shareGptLine(nasty), alpacaLine(nasty)]) {
      expect(line).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
      expect(JSON.parse(line)).toBeTruthy();
    }
    expect(JSON.parse(pretrainingLine("x\u2028y\u0085"))).toEqual({ text: "x\u2028y\u0085" });
  });

  it("splits an entry into records", () => {
    const pairs = [
      { question: "q1", answer: "a1" },
      { question: "q2", answer: "a2" },
    ];
    expect(entryRecords({ text: "t", pairs })).toEqual([
      { context: "t", question: "q1", answer: "a1" },
      { context: "t", question: "q2", answer: "a2" },
    ]);
  });
});

describe("synthesizer fine-tuning data", () => {
  const entry = {
    text: "The cell is the unit of life.",
    pairs: [{ question: "What is the unit of life?", answer: "The cell" }],
  };
  const expected =
    "<s> <CON> The cell is the unit of life. </CON>\n\n<QUE> What is the unit of life? <ANS> The cell </END></s>";

  it("is readBlock + pairsBlock + EOS", () => {
    expect(synthesizerTrainingText(entry)).toBe(expected);
    expect(JSON.parse(synthesizerTrainingLine(entry))).toEqual({ text: expected });
    expect(synthesizerTrainingChunk(entry)).toBe(`${expected}\n`);
  });

  it("parses back to the same pairs", () => {
    const body = synthesizerTrainingText(entry)
      .split("</CON>\n\n")[1]!
      .replace(/<\/s>$/, "");
    expect(parseSynthesizerOutput(body)).toEqual(entry.pairs);
  });
});
