/** Backup files for the format tests: a valid one of each version, and a refusal's message. */
import { BACKUP_FORMAT, toBase64, validateBackup } from "./backup-format";

export function pair(i: number, documentId: string) {
  return {
    id: `p${i}`,
    projectId: "P",
    documentId,
    chunkId: `${documentId}-c`,
    resultId: "r0",
    index: i,
    question: `q${i}`,
    answer: `a${i}`,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: 1,
    updatedAt: 1,
  };
}

export const TOKENIZER_BYTES = new Uint8Array([123, 34, 118, 34, 58, 49, 125, 0, 255]);

/** A valid current-version backup as a parsed file: plain JSON values, fresh for each test. */
export function file() {
  return {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: "2025-01-01T00:00:00.000Z",
    app: { name: "IPT Studio", version: "0.1.0" },
    project: { id: "P", name: "Biology", createdAt: 1, updatedAt: 2 },
    documents: ["d0", "d1"].map((id) => ({
      id,
      projectId: "P",
      title: "Cells",
      source: { kind: "paste" },
      text: "Cells divide.",
      contentHash: "abc",
      createdAt: 1,
      updatedAt: 1,
    })),
    chunks: ["d0", "d1"].map((documentId) => ({
      id: `${documentId}-c`,
      projectId: "P",
      documentId,
      index: 0,
      start: 0,
      end: 13,
      tokens: 9,
      budgetMode: "words",
    })),
    results: [
      {
        id: "r0",
        projectId: "P",
        documentId: "d0",
        chunkId: "d0-c",
        jobId: "j0",
        round: 0,
        link: { demonstrations: 0, inheritsFromPrevious: false, followedByNext: true },
        prompt: "p",
        rawOutput: "raw",
        finishReason: "stop",
        usage: { promptTokens: 1, completionTokens: 2, decodeTokensPerSecond: null },
        engineId: "e",
        modelId: "m",
        settings: { maxTokens: 400, temperature: 0 },
        state: "done",
        startedAt: 1,
        finishedAt: 2,
      },
    ],
    pairs: [pair(0, "d0"), pair(1, "d0"), pair(2, "d1"), pair(3, "d1")],
    jobs: [
      {
        id: "j0",
        projectId: "P",
        chunkIds: ["d0-c", "d1-c"],
        settings: {
          maxModelLen: 4096,
          maxNewTokens: 400,
          temperature: 0,
          rounds: 2,
          budgetMode: "words",
          concurrency: 8,
        },
        state: "done",
        createdAt: 1,
        updatedAt: 2,
        finishedAt: 2,
      },
    ],
    tasks: ["d0", "d1"].map((documentId, position) => ({
      id: `t${position}`,
      jobId: "j0",
      projectId: "P",
      round: position,
      position,
      chunkId: `${documentId}-c`,
      documentId,
      state: "done",
      attempts: 1,
      updatedAt: 2,
    })),
    settings: [
      { key: "remote-server", value: { baseUrl: "http://x", apiKey: "sk-secret" } },
      { key: "synthesis:P", value: { rounds: 2 } },
      {
        key: "tokenizer:P",
        value: { name: "tokenizer.json", json: { base64: toBase64(TOKENIZER_BYTES) } },
      },
    ],
  };
}

/** The same project as a version-1 file: no chunks, jobs or tasks, no chunk ids. */
export function fileV1() {
  const { chunks: _c, jobs: _j, tasks: _t, ...v2 } = file();
  const drop = <T extends { chunkId?: string }>({ chunkId: _, ...rest }: T) => rest;
  return {
    ...v2,
    version: 1,
    results: v2.results.map(({ jobId: _i, round: _r, link: _l, ...r }) => drop(r)),
    pairs: v2.pairs.map(drop),
    // Version 1 wrote a tokenizer's ArrayBuffer as {}, which JSON makes of it.
    settings: [v2.settings[0], { key: "tokenizer:P", value: { name: "t.json", json: {} } }],
  };
}

export function problem(json: unknown): string {
  const r = validateBackup(json);
  if (r.ok) throw new Error("expected a refusal");
  return r.message;
}
