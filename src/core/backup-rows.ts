import { isJsonObject } from "./export/jsonl";
import type {
  Backup,
  BackupDocument,
  BackupPair,
  BackupProject,
  BackupResult,
  BackupSetting,
} from "./backup-format";
import type { Usage } from "./types";

/**
 * Reading a backup's body field by field, for `validateBackup`. Every reader builds a clean
 * copy (unknown fields dropped) and throws a {@link BackupProblem} naming the exact path of the
 * first bad field, such as `pairs[3].status must be pending, accepted or rejected`.
 */

/** One problem in a backup, its message starting with the field's path. */
export class BackupProblem extends Error {}

/** A backup without its format marker and version, which are checked first. */
export type BackupBody = Omit<Backup, "format" | "version">;

function orList(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** Reads the fields of one object, throwing a BackupProblem that names the first bad field's path. */
class Fields {
  constructor(
    private readonly o: Record<string, unknown>,
    private readonly path: string,
  ) {}
  private at(k: string): string {
    return this.path === "" ? k : `${this.path}.${k}`;
  }
  private check<T>(k: string, ok: (v: unknown) => boolean, want: string): T {
    if (!ok(this.o[k])) throw new BackupProblem(`${this.at(k)} must be ${want}`);
    return this.o[k] as T;
  }
  str = (k: string) => this.check<string>(k, (v) => typeof v === "string", "a string");
  num = (k: string) => this.check<number>(k, Number.isFinite, "a number");
  bool = (k: string) => this.check<boolean>(k, (v) => typeof v === "boolean", "true or false");
  oneOf = <T>(k: string, values: readonly T[]) =>
    this.check<T>(k, (v) => values.includes(v as T), orList(values));
  present = (k: string) => this.check<unknown>(k, (v) => v !== undefined, "present");
  optStr = (k: string) => (this.o[k] == null ? undefined : this.str(k));
  /** Non-finite counts arrive as null (JSON has no NaN or Infinity); they are dropped. */
  optNum = (k: string) => (Number.isFinite(this.o[k]) ? (this.o[k] as number) : undefined);
  obj = <T>(k: string, read: (f: Fields) => T) =>
    read(new Fields(this.check(k, isJsonObject, "an object"), this.at(k)));
  optObj = <T>(k: string, read: (f: Fields) => T) =>
    this.o[k] == null ? undefined : this.obj(k, read);
  list<T>(k: string, read: (f: Fields) => T): T[] {
    const items = this.check<unknown[]>(k, Array.isArray, "a list");
    return items.map((item, i) => {
      const path = `${this.at(k)}[${i}]`;
      if (!isJsonObject(item)) throw new BackupProblem(`${path} must be an object`);
      return read(new Fields(item, path));
    });
  }
}

/** The object without its undefined fields, so optional fields are absent rather than undefined. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// Object literals evaluate in source order, so the first bad field is the one reported.
const readProject = (f: Fields): BackupProject => ({
  id: f.str("id"),
  name: f.str("name"),
  createdAt: f.num("createdAt"),
  updatedAt: f.num("updatedAt"),
});

const readSource = (s: Fields): BackupDocument["source"] =>
  compact({
    kind: s.oneOf("kind", ["paste", "file", "sample"] as const),
    name: s.optStr("name"),
    mime: s.optStr("mime"),
    size: s.optNum("size"),
  });

const readDocument = (f: Fields): BackupDocument => ({
  id: f.str("id"),
  projectId: f.str("projectId"),
  title: f.str("title"),
  source: f.obj("source", readSource),
  text: f.str("text"),
  contentHash: f.str("contentHash"),
  createdAt: f.num("createdAt"),
  updatedAt: f.num("updatedAt"),
});

const readUsage = (u: Fields): Usage =>
  compact({
    promptTokens: u.num("promptTokens"),
    completionTokens: u.num("completionTokens"),
    decodeTokensPerSecond: u.optNum("decodeTokensPerSecond"),
  });

/** Backups written before chunks existed: each document was one chunk (see db/schema.ts v2). */
const firstChunkOf = (documentId: string): string => `${documentId}:0`;

const readResult = (f: Fields): BackupResult =>
  compact({
    id: f.str("id"),
    projectId: f.str("projectId"),
    documentId: f.str("documentId"),
    chunkId: f.optStr("chunkId") ?? firstChunkOf(f.str("documentId")),
    prompt: f.str("prompt"),
    rawOutput: f.str("rawOutput"),
    finishReason: f.oneOf("finishReason", ["stop", "length", "abort", "error", null] as const),
    usage: f.optObj("usage", readUsage),
    engineId: f.str("engineId"),
    modelId: f.str("modelId"),
    settings: f.obj("settings", (s) => ({
      maxTokens: s.num("maxTokens"),
      temperature: s.num("temperature"),
    })),
    state: f.oneOf("state", ["running", "done", "incomplete", "failed"] as const),
    error: f.optObj("error", (e) => ({
      kind: e.str("kind"),
      message: e.str("message"),
      detail: e.str("detail"),
    })),
    startedAt: f.num("startedAt"),
    finishedAt: f.optNum("finishedAt"),
  });

const readPair = (f: Fields): BackupPair =>
  compact({
    id: f.str("id"),
    projectId: f.str("projectId"),
    documentId: f.str("documentId"),
    chunkId: f.optStr("chunkId") ?? firstChunkOf(f.str("documentId")),
    resultId: f.optStr("resultId"),
    index: f.num("index"),
    question: f.str("question"),
    answer: f.str("answer"),
    status: f.oneOf("status", ["pending", "accepted", "rejected"] as const),
    edited: f.bool("edited"),
    origin: f.oneOf("origin", ["model", "manual"] as const),
    createdAt: f.num("createdAt"),
    updatedAt: f.num("updatedAt"),
  });

type Row = { id: string; projectId: string; documentId?: string };

function checkUnique(name: string, field: string, keys: readonly string[]): void {
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    const first = seen.get(k);
    if (first !== undefined) {
      throw new BackupProblem(`${name}[${i}].${field} repeats ${name}[${first}].${field}`);
    }
    seen.set(k, i);
  });
}

/**
 * Ids unique per table (restore maps each old id to one new id), every row in the backup's
 * project, and every result and pair attached to a document in the backup.
 */
function checkIntegrity(b: BackupBody): void {
  const docIds = new Set(b.documents.map((d) => d.id));
  const tables: [string, readonly Row[]][] = [
    ["documents", b.documents],
    ["results", b.results],
    ["pairs", b.pairs],
  ];
  for (const [name, rows] of tables) {
    checkUnique(
      name,
      "id",
      rows.map((r) => r.id),
    );
    rows.forEach((r, i) => {
      if (r.projectId !== b.project.id) {
        throw new BackupProblem(`${name}[${i}].projectId must be the project's id`);
      }
      if (r.documentId !== undefined && !docIds.has(r.documentId)) {
        throw new BackupProblem(
          `${name}[${i}].documentId must be the id of a document in this backup`,
        );
      }
    });
  }
  checkUnique(
    "settings",
    "key",
    b.settings.map((s) => s.key),
  );
}

/** Reads and checks every field of a backup's body; throws a BackupProblem at the first fault. */
export function readBackupBody(json: Record<string, unknown>): BackupBody {
  const f = new Fields(json, "");
  const body: BackupBody = {
    exportedAt: f.str("exportedAt"),
    app: f.obj("app", (a) => ({ name: a.str("name"), version: a.str("version") })),
    project: f.obj("project", readProject),
    documents: f.list("documents", readDocument),
    results: f.list("results", readResult),
    pairs: f.list("pairs", readPair),
    settings: f.list("settings", (s): BackupSetting => ({
      key: s.str("key"),
      value: s.present("value"),
    })),
  };
  checkIntegrity(body);
  return body;
}
