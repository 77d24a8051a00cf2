/// <reference lib="webworker" />
import { createQualityHandler } from "./quality-handler";
import type { QualityReply, QualityRequest } from "./quality-job";
import { serveRequests } from "./rpc";

// Quality signals off the main thread; the state lives for as long as the page does.
serveRequests<QualityRequest, never, QualityReply>(self, createQualityHandler());
