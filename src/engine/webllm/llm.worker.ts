/**
 * The module worker that hosts web-llm. The model, its GPU device and all generation live here,
 * so the page stays responsive; `webllm-engine.ts` talks to it through `WebWorkerMLCEngine`.
 */
import { WebWorkerMLCEngineHandler } from "@mlc-ai/web-llm";

// web-llm 0.2.86's handler takes no arguments and creates its own MLCEngine.
const handler = new WebWorkerMLCEngineHandler();

self.onmessage = (message: MessageEvent) => {
  handler.onmessage(message);
};
