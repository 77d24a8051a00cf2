import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, stripSecrets, validateBackup, withLocalSecrets } from "./backup-format";

function pair(i: number, documentId: string) {
  return {
    id: `p${i}`,
    projectId: "P",
    documentId,
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

/** A valid backup as a parsed file: plain JSON values, freshly built for each test. */
function file() {
  return {
    format: BACKUP_FORMAT,
    version: 1,
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
    results: [
      {
        id: "r0",
        projectId: "P",
        documentId: "d0",
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
    settings: [{ key: "remote-server", value: { baseUrl: "http://x", apiKey: "sk-secret" } }],
  };
}

function problem(json: unknown): string {
  const r = validateBackup(json);
  if (r.ok) throw new Error("expected a refusal");
  return r.message;
}

describe("validateBackup", () => {
  it("accepts a valid backup and returns a clean copy", () => {
    const json = { ...file(), extra: 1 };
    json.pairs[0] = { ...pair(0, "d0"), surprise: true } as ReturnType<typeof pair>;
    const r = validateBackup(json);
    if (!r.ok) throw new Error(r.message);
    expect(r.backup).not.toHaveProperty("extra");
    expect(r.backup.pairs[0]).not.toHaveProperty("surprise");
    // JSON turns Infinity into null; an optional count that is not a number is dropped.
    expect(r.backup.results[0]?.usage).toEqual({ promptTokens: 1, completionTokens: 2 });
    expect(r.backup.settings).toEqual([{ key: "remote-server", value: { baseUrl: "http://x" } }]);
    expect(JSON.stringify(r.backup)).not.toContain("sk-secret");
  });

  it("recognises what is not a backup at all", () => {
    for (const json of [null, [], "text", { format: "other", version: 1 }]) {
      expect(problem(json)).toBe("This file is not an IPT Studio backup (no backup marker).");
    }
  });

  it("refuses a newer version with a clear message, and a nonsense one", () => {
    expect(problem({ format: BACKUP_FORMAT, version: 7 })).toBe(
      "This backup was written by a newer IPT Studio (format version 7); update the studio to restore it.",
    );
    expect(problem({ ...file(), version: "1" })).toContain("version must be a whole number");
  });

  it("names the exact path of the first problem", () => {
    const cases: [(j: ReturnType<typeof file>) => void, string][] = [
      [
        (j) => ((j.pairs[3] as { status: string }).status = "maybe"),
        "pairs[3].status must be pending, accepted or rejected",
      ],
      [
        (j) => ((j.documents[1] as { source: unknown }).source = { kind: "web" }),
        "documents[1].source.kind must be paste, file or sample",
      ],
      [
        (j) => ((j.results[0] as { finishReason: unknown }).finishReason = "done"),
        "results[0].finishReason must be stop, length, abort, error or null",
      ],
      [
        (j) => ((j.results[0] as { usage: unknown }).usage = { promptTokens: "1" }),
        "results[0].usage.promptTokens must be a number",
      ],
      [(j) => ((j as { project: unknown }).project = null), "project must be an object"],
      [(j) => ((j as { pairs: unknown }).pairs = {}), "pairs must be a list"],
      [(j) => ((j.pairs as unknown[])[2] = 5), "pairs[2] must be an object"],
      [
        (j) => ((j.pairs[1] as { edited: unknown }).edited = "no"),
        "pairs[1].edited must be true or false",
      ],
      [
        (j) => ((j.settings[0] as { value?: unknown }).value = undefined),
        "settings[0].value must be present",
      ],
    ];
    for (const [damage, message] of cases) {
      const json = file();
      damage(json);
      expect(problem(json)).toBe(`This backup is damaged: ${message}.`);
    }
  });

  it("checks that every row belongs to the project and to a document in the backup", () => {
    const cases: [(j: ReturnType<typeof file>) => void, string][] = [
      [
        (j) => (j.pairs[1] = pair(1, "d9")),
        "pairs[1].documentId must be the id of a document in this backup",
      ],
      [
        (j) => ((j.results[0] as { documentId: string }).documentId = "d9"),
        "results[0].documentId must be the id of a document in this backup",
      ],
      [
        (j) => ((j.documents[1] as { id: string }).id = "d0"),
        "documents[1].id repeats documents[0].id",
      ],
      [
        (j) => ((j.documents[0] as { projectId: string }).projectId = "Q"),
        "documents[0].projectId must be the project's id",
      ],
      [(j) => j.settings.push({ ...j.settings[0]! }), "settings[1].key repeats settings[0].key"],
    ];
    for (const [damage, message] of cases) {
      const json = file();
      damage(json);
      expect(problem(json)).toBe(`This backup is damaged: ${message}.`);
    }
  });

  it("tolerates a pair whose result is gone (provenance only)", () => {
    const json = file();
    json.pairs[0] = { ...pair(0, "d0"), resultId: "r9" };
    expect(validateBackup(json).ok).toBe(true);
  });
});

describe("secrets", () => {
  it("strips API keys at any depth and in any usual spelling", () => {
    const value = {
      apiKey: "a",
      nested: { api_key: "b", keep: 1 },
      list: [{ "API-KEY": "c", x: 2 }],
    };
    expect(stripSecrets(value)).toEqual({ nested: { keep: 1 }, list: [{ x: 2 }] });
    expect(stripSecrets("plain")).toBe("plain");
  });

  it("keeps this device's keys and never takes one from the backup", () => {
    expect(
      withLocalSecrets({ baseUrl: "b", apiKey: "from-file" }, { baseUrl: "a", apiKey: "local" }),
    ).toEqual({
      baseUrl: "b",
      apiKey: "local",
    });
    expect(withLocalSecrets({ baseUrl: "b", apiKey: "from-file" }, undefined)).toEqual({
      baseUrl: "b",
    });
    expect(withLocalSecrets({ s: { apiKey: "x" } }, { s: { apiKey: "y" } })).toEqual({
      s: { apiKey: "y" },
    });
  });
});
