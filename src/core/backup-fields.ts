import { isJsonObject } from "./export/jsonl";

/* The field reader behind the backup validator (backup-rows.ts). */

/** One problem in a backup, its message starting with the field's path. */
export class BackupProblem extends Error {}

function orList(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** Reads the fields of one object, throwing a BackupProblem that names the first bad field's path. */
export class Fields {
  constructor(
    readonly o: Record<string, unknown>,
    private readonly path: string,
  ) {}
  private at(k: string): string {
    return this.path === "" ? k : `${this.path}.${k}`;
  }
  check<T>(k: string, ok: (v: unknown) => boolean, want: string): T {
    if (!ok(this.o[k])) throw new BackupProblem(`${this.at(k)} must be ${want}`);
    return this.o[k] as T;
  }
  str = (k: string) => this.check<string>(k, (v) => typeof v === "string", "a string");
  num = (k: string) => this.check<number>(k, Number.isFinite, "a number");
  count = (k: string) =>
    this.check<number>(k, (v) => Number.isSafeInteger(v) && (v as number) >= 0, "a whole number");
  optCount = (k: string) => (this.o[k] == null ? undefined : this.count(k));
  strList = (k: string) =>
    this.check<string[]>(
      k,
      (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
      "a list of strings",
    );
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
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
