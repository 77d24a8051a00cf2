/**
 * Turns a successful `/completions` response into text, finish reason and usage, from either
 * an SSE stream or a plain JSON body (servers that ignore `stream: true`, or our own
 * non-streaming fallback).
 */
import type { CompletionResult } from "../../core/synthesis-engine";
import type { FinishReason, Usage } from "../../core/types";
import { clip, droppedStreamError, isRecord, malformedError, streamError } from "./errors";
import { StoppedError, type AttemptControl } from "./http";
import { SseParser } from "./sse";

/** Collects the pieces of one completion as they arrive. */
export class CompletionAccumulator {
  text = "";
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
  /** The server sent `data: [DONE]`. */
  sawDone = false;

  constructor(private readonly onText?: (delta: string) => void) {}

  /** True once the server said the completion is over, by either signal. */
  get finished(): boolean {
    return this.sawDone || this.finishReason !== undefined;
  }

  result(): CompletionResult {
    const result: CompletionResult = { text: this.text, finishReason: this.finishReason ?? "stop" };
    if (this.usage) result.usage = this.usage;
    return result;
  }

  /** Handles one SSE event's data. Throws `EngineError` for data that is not a completion. */
  acceptEvent(data: string): void {
    if (data.trim() === "[DONE]") {
      this.sawDone = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw malformedError("an event is not valid JSON", `data: ${data}`);
    }
    if (!isRecord(chunk)) throw malformedError("an event is not a JSON object", `data: ${data}`);
    // vLLM reports failures that happen after the stream started as an `error` event.
    if (chunk.error !== undefined) throw streamError(data);
    // The usage chunk has an empty `choices`, so a missing first choice is not an error.
    this.acceptChoice(firstChoice(chunk), chunk.usage);
  }

  /** Handles a complete non-streaming JSON body. */
  acceptBody(body: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw malformedError("the body is not valid JSON", body);
    }
    const choice = isRecord(parsed) ? firstChoice(parsed) : undefined;
    if (!choice || typeof choice.text !== "string") {
      throw malformedError("the body has no choices[0].text", body);
    }
    this.acceptChoice(choice, isRecord(parsed) ? parsed.usage : undefined);
    // A JSON body is complete by definition, even if a server leaves finish_reason null.
    this.sawDone = true;
  }

  private acceptChoice(choice: Record<string, unknown> | undefined, usage: unknown): void {
    if (choice && typeof choice.text === "string" && choice.text !== "") {
      this.text += choice.text;
      this.onText?.(choice.text);
    }
    if (choice && typeof choice.finish_reason === "string") {
      this.finishReason = choice.finish_reason === "length" ? "length" : "stop";
    }
    const parsed = toUsage(usage);
    if (parsed) this.usage = parsed;
  }
}

function firstChoice(chunk: Record<string, unknown>): Record<string, unknown> | undefined {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return undefined;
  const first: unknown = choices[0];
  return isRecord(first) ? first : undefined;
}

function toUsage(usage: unknown): Usage | undefined {
  if (!isRecord(usage)) return undefined;
  const { prompt_tokens: prompt, completion_tokens: completion } = usage;
  if (typeof prompt !== "number" || typeof completion !== "number") return undefined;
  return { promptTokens: prompt, completionTokens: completion };
}

/**
 * Reads an SSE body to the end, feeding events to `acc` and restarting the idle timer on
 * every chunk. Throws `droppedStreamError` when the body ends before the server finished.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  control: AttemptControl,
  acc: CompletionAccumulator,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let events = 0;
  // The start of the body, kept to explain a 200 answer that held no SSE events at all.
  let head = "";
  const feed = (datas: string[]): void => {
    for (const data of datas) {
      events++;
      acc.acceptEvent(data);
    }
  };
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await control.race(reader.read());
      } catch (err) {
        if (err instanceof StoppedError) throw err;
        // Some servers reset the connection right after the last event; the answer is whole.
        if (acc.finished) break;
        throw droppedStreamError(err);
      }
      const { done, value } = read;
      if (done) break;
      control.touch();
      const text = decoder.decode(value, { stream: true });
      if (head.length < 500) head += text;
      feed(parser.push(text));
    }
    feed(parser.push(decoder.decode()));
    feed(parser.end());
  } finally {
    // Release the connection when we stop early (abort, timeout, malformed data).
    reader.cancel().catch(() => undefined);
  }
  if (events === 0 && head.trim() !== "") {
    throw malformedError("no server-sent events in the body", clip(head, 500));
  }
  if (!acc.finished) throw droppedStreamError();
}
