import { describe, expect, it } from "vitest";
import {
  BACKUP_FORMAT,
  fromBase64,
  settingForBackup,
  settingFromBackup,
  stripSecrets,
  toBase64,
  upgradeBackup,
  validateBackup,
  withLocalSecrets,
} from "./backup-format";
import { TOKENIZER_BYTES, file, fileV1, pair, problem } from "./backup-format.test-helpers";

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
    expect(r.backup.settings[0]).toEqual({ key: "remote-server", value: { baseUrl: "http://x" } });
    expect(JSON.stringify(r.backup)).not.toContain("sk-secret");
  });

  it("keeps a pair's quality signals and task type, and marks unscored pairs for scoring", () => {
    const json = file();
    const quality = { grounding: null, flags: ["emptyQuestion"], taskType: "math" };
    const duplicate = { kind: "nearDuplicate", group: "g3" };
    json.pairs[0] = { ...pair(0, "d0"), quality, duplicate, taskType: "code" } as ReturnType<
      typeof pair
    >;
    const r = validateBackup(json);
    if (!r.ok) throw new Error(r.message);
    expect(r.backup.pairs[0]).toMatchObject({ quality, duplicate, taskType: "code" });
    expect(r.backup.pairs[0]).not.toHaveProperty("stale");
    expect(r.backup.pairs[1]).toMatchObject({ stale: 1 });
    expect(r.backup.pairs[1]).not.toHaveProperty("quality");

    json.pairs[0] = { ...pair(0, "d0"), quality: { ...quality, flags: ["bogus"] } } as ReturnType<
      typeof pair
    >;
    const bad = validateBackup(json);
    expect(bad.ok ? "" : bad.message).toContain(
      "pairs[0].quality.flags must be a list of quality flags",
    );

    // Stored evidence spans come back as they were; an end before its start is refused.
    json.pairs[0] = {
      ...pair(0, "d0"),
      quality: { ...quality, spans: [3, 9, 12, 20] },
    } as ReturnType<typeof pair>;
    const spans = validateBackup(json);
    expect(spans.ok && spans.backup.pairs[0]?.quality?.spans).toEqual([3, 9, 12, 20]);
    json.pairs[0] = { ...pair(0, "d0"), quality: { ...quality, spans: [9, 3] } } as ReturnType<
      typeof pair
    >;
    const badSpans = validateBackup(json);
    expect(badSpans.ok ? "" : badSpans.message).toContain(
      "pairs[0].quality.spans must be a list of evidence offsets (start, end, …)",
    );
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
      [(j) => j.settings.push({ ...j.settings[0]! }), "settings[3].key repeats settings[0].key"],
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

describe("version 2: chunks, links, jobs and tasks", () => {
  it("checks chunks, the chunks rows point at, and the jobs tasks belong to", () => {
    const cases: [(j: ReturnType<typeof file>) => void, string][] = [
      [
        (j) => ((j.chunks[1] as { end: number }).end = 99),
        "chunks[1] must lie within its document's text",
      ],
      [
        (j) => ((j.chunks[0] as { index: number }).index = 0.5),
        "chunks[0].index must be a whole number",
      ],
      [
        (j) => ((j.pairs[2] as { chunkId: string }).chunkId = "d0-c"),
        "pairs[2].chunkId must be the id of a chunk of its document",
      ],
      [
        (j) => delete (j.results[0] as { chunkId?: string }).chunkId,
        "results[0].chunkId must be a string",
      ],
      [
        (j) => ((j.results[0] as { link: unknown }).link = { demonstrations: 1 }),
        "results[0].link.inheritsFromPrevious must be true or false",
      ],
      [
        (j) => ((j.tasks[1] as { jobId: string }).jobId = "j9"),
        "tasks[1].jobId must be the id of a job in this backup",
      ],
      [
        (j) => ((j.jobs[0] as { state: string }).state = "sleeping"),
        "jobs[0].state must be queued, running, paused, done or cancelled",
      ],
      [
        (j) => ((j.settings[2] as { value: unknown }).value = { name: "t", json: {} }),
        "settings[2].value.json.base64 must be base64 text",
      ],
    ];
    for (const [damage, message] of cases) {
      const json = file();
      damage(json);
      expect(problem(json)).toBe(`This backup is damaged: ${message}.`);
    }
  });

  it("tolerates links, jobs and task targets that are gone (restore drops or keeps them)", () => {
    const json = file();
    json.results[0] = {
      ...json.results[0]!,
      jobId: "j9",
      link: {
        ...json.results[0]!.link,
        previousChunkId: "gone",
      } as (typeof json.results)[0]["link"],
    };
    (json.tasks[1] as { chunkId: string }).chunkId = "deleted-chunk";
    expect(validateBackup(json).ok).toBe(true);
  });

  it("reads a version-1 file as it is, and upgrades it to whole-document chunks", () => {
    const r = validateBackup(fileV1());
    if (!r.ok) throw new Error(r.message);
    expect(r.backup.version).toBe(1);
    expect(r.backup).not.toHaveProperty("chunks");
    expect(r.backup.pairs.map((p) => p.chunkId)).toEqual(["d0:0", "d0:0", "d1:0", "d1:0"]);
    const up = upgradeBackup(r.backup);
    expect(up.version).toBe(2);
    expect(up.chunks.map((c) => [c.id, c.documentId, c.start, c.end, c.budgetMode])).toEqual([
      ["d0:0", "d0", 0, 13, "words"],
      ["d1:0", "d1", 0, 13, "words"],
    ]);
    expect(up.jobs).toEqual([]);
    expect(up.tasks).toEqual([]);
    // Version 1 could not hold a tokenizer's bytes: the empty one is left out.
    expect(up.settings.map((s) => s.key)).toEqual(["remote-server"]);
    expect(validateBackup(JSON.parse(JSON.stringify(up))).ok).toBe(true);
  });

  it("writes a tokenizer as base64 and reads the same bytes back", () => {
    const stored = { name: "tokenizer.json", json: TOKENIZER_BYTES.slice().buffer, apiKey: "k" };
    const written = settingForBackup("tokenizer:P", stored);
    expect(written).toEqual({ name: "tokenizer.json", json: { base64: "eyJ2IjoxfQD/" } });
    const read = settingFromBackup("tokenizer:P", JSON.parse(JSON.stringify(written))) as {
      json: ArrayBuffer;
    };
    expect(read.json).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(read.json)]).toEqual([...TOKENIZER_BYTES]);
    expect(settingForBackup("synthesis:P", { rounds: 2, apiKey: "k" })).toEqual({ rounds: 2 });
  });

  it("encodes base64 as RFC 4648 does, and refuses what is not base64", () => {
    const ascii = (t: string) => new Uint8Array([...t].map((c) => c.charCodeAt(0)));
    const vectors = ["", "f", "fo", "foo", "foob", "fooba", "foobar"];
    const encoded = ["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"];
    vectors.forEach((v, i) => {
      expect(toBase64(ascii(v))).toBe(encoded[i]);
      expect([...(fromBase64(encoded[i] ?? "") ?? [])]).toEqual([...ascii(v)]);
    });
    for (const bad of ["Zg=", "Z!==", "Zm9v\n"]) expect(fromBase64(bad)).toBeNull();
    const all = new Uint8Array(256).map((_, i) => i);
    expect([...(fromBase64(toBase64(all)) ?? [])]).toEqual([...all]);
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
