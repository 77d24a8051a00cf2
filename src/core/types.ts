/** An instruction-response pair as the synthesizer writes it. */
export interface Pair {
  question: string;
  answer: string;
}

/** Why generation stopped: the model's end token, the token limit, a user stop, or a failure. */
export type FinishReason = "stop" | "length" | "abort" | "error";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** Decode speed when the engine reports it (WebLLM does), otherwise derived from timing. */
  decodeTokensPerSecond?: number;
}
