/** The OpenAI-compatible HTTP engine: the public surface of engine/openai. */
export {
  createOpenAIEngine,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type OpenAIEngineConfig,
} from "./openai-engine";
export { listModels, LIST_MODELS_TIMEOUT_MS } from "./list-models";
