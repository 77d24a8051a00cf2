import { create } from "zustand";
import type { SynthesisEngine } from "../core/synthesis-engine";

export interface EngineFailure {
  kind: string;
  message: string;
  detail: string;
}

export interface LoadProgress {
  overall: number;
  label: string;
  elapsedSeconds: number;
}

export type EngineStatus =
  | { state: "none" }
  | { state: "loading"; label: string; progress: LoadProgress }
  | {
      state: "ready";
      label: string;
      engine: SynthesisEngine;
      /** True for small models prompted to imitate the synthesizer. */
      approximation: boolean;
      /** The prompt (and stop strings) this engine's model needs for a document. */
      promptFor: (text: string) => { prompt: string; stop?: string[] };
    }
  | { state: "error"; label: string; error: EngineFailure };

interface EngineState {
  status: EngineStatus;
  setStatus: (status: EngineStatus) => void;
}

/** The active synthesis engine and its lifecycle. Engines are session objects, not data. */
export const useEngine = create<EngineState>((set) => ({
  status: { state: "none" },
  setStatus: (status) => set({ status }),
}));
