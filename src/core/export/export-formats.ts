/**
 * Export formats, one line (or chunk) per record so callers can stream any corpus size: each
 * function turns one record into one string and never sees the rest of the file.
 */
import type { Entry } from "../collection";
import { demo } from "../tags";
import type { Pair } from "../types";
import { jsonLine } from "./jsonl";

/** One instruction-response pair with the text it was synthesized from. */
export interface InstructionRecord {
  context: string;
  question: string;
  answer: string;
}

/** Options for the chat and instruction formats. */
export interface PairExportOptions {
  /** Leave the context out of the user turn and send the question alone. Default false. */
  questionOnly?: boolean;
}

/** The records of one entry: each pair with the entry's text as context. */
export function entryRecords(entry: { text: string; pairs: readonly Pair[] }): InstructionRecord[] {
  return entry.pairs.map((p) => ({ context: entry.text, question: p.question, answer: p.answer }));
}

/**
 * The user turn: context, a blank line, then the question. A blank context is left out rather
 * than leaving the question behind two stray newlines.
 */
function userTurn(record: InstructionRecord, options: PairExportOptions): string {
  if (options.questionOnly || record.context.trim() === "") return record.question;
  return `${record.context}\n\n${record.question}`;
}

/** A pre-training line: `{"text": …}`. */
export function pretrainingLine(text: string): string {
  return jsonLine({ text });
}

/** An OpenAI chat fine-tuning line: `{"messages":[{"role":"user",…},{"role":"assistant",…}]}`. */
export function openAiChatLine(record: InstructionRecord, options: PairExportOptions = {}): string {
  return jsonLine({
    messages: [
      { role: "user", content: userTurn(record, options) },
      { role: "assistant", content: record.answer },
    ],
  });
}

/** A ShareGPT line: `{"conversations":[{"from":"human",…},{"from":"gpt",…}]}`. */
export function shareGptLine(record: InstructionRecord, options: PairExportOptions = {}): string {
  return jsonLine({
    conversations: [
      { from: "human", value: userTurn(record, options) },
      { from: "gpt", value: record.answer },
    ],
  });
}

/** An Alpaca line: `{"instruction": question, "input": context, "output": answer}`. */
export function alpacaLine(record: InstructionRecord): string {
  return jsonLine({
    instruction: record.question,
    input: record.context,
    output: record.answer,
  });
}

/**
 * One synthesizer fine-tuning example: the text as the synthesizer reads it, its pairs as the
 * synthesizer writes them, then EOS (method spec, section 2; the same string as a demonstration).
 */
export function synthesizerTrainingText(entry: Pick<Entry, "text" | "pairs">): string {
  return demo(entry);
}

/** A synthesizer fine-tuning example as a JSONL line: `{"text": …}`. */
export function synthesizerTrainingLine(entry: Pick<Entry, "text" | "pairs">): string {
  return jsonLine({ text: synthesizerTrainingText(entry) });
}

/**
 * A synthesizer fine-tuning example as plain text. Examples span several lines, so each chunk
 * ends with "</s>\n": split a plain file on that to get the examples back.
 */
export function synthesizerTrainingChunk(entry: Pick<Entry, "text" | "pairs">): string {
  return `${synthesizerTrainingText(entry)}\n`;
}
