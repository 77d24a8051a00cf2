/**
 * Parquet copies of a Hub bundle's data files, for the formats whose records are flat objects of
 * strings: the same rows as the JSONL, column by column, written a row group at a time so an
 * export of any size never holds more than one row group. hyparquet-writer is pure JavaScript
 * (no WebAssembly) and compresses pages with its built-in Snappy.
 */
import { ByteWriter, ParquetWriter, type SchemaElement } from "hyparquet-writer";
import type { LineSink } from "./export-stream";
import type { ExportFormat } from "./formats";

/** The columns of each format written as Parquet too, in record order; others are JSONL only. */
export const PARQUET_COLUMNS: Readonly<Partial<Record<ExportFormat, readonly string[]>>> = {
  pretraining: ["text"],
  alpaca: ["instruction", "input", "output"],
  "synthesizer-jsonl": ["text"],
};

/** A row group is written once it holds this many characters of text, or this many rows. */
const GROUP_CHARS = 1 << 22;
const GROUP_ROWS = 100_000;

/** A ByteWriter that hands its bytes on after each row group instead of keeping the file. */
class StreamingWriter extends ByteWriter {
  constructor(private readonly out: (bytes: Uint8Array) => void) {
    super(1 << 16);
  }
  flush(): void {
    if (this.index === 0) return;
    this.out(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

/**
 * A sink for a format's JSONL lines (each a JSON object whose `columns` are strings) that writes
 * them as one Parquet file: required UTF-8 columns, Snappy pages. `out` receives the file's bytes
 * in order, in pieces; `close` writes the footer. The first row group is the same size as the
 * others, so the bytes depend on the rows only.
 */
export function parquetSink(
  columns: readonly string[],
  out: (bytes: Uint8Array) => void,
  group: { chars: number; rows: number } = { chars: GROUP_CHARS, rows: GROUP_ROWS },
): LineSink {
  const schema: SchemaElement[] = [
    { name: "root", num_children: columns.length },
    ...columns.map((name): SchemaElement => ({
      name,
      type: "BYTE_ARRAY",
      converted_type: "UTF8",
      repetition_type: "REQUIRED",
    })),
  ];
  const writer = new ParquetWriter({
    writer: new StreamingWriter(out),
    schema,
    createdBy: "IPT Studio",
  });
  let values: string[][] = columns.map(() => []);
  let rows = 0;
  let chars = 0;
  const writeGroup = () => {
    if (rows === 0) return;
    // Synchronous: the writer's flush returns nothing, so write() never waits.
    void writer.write({
      columnData: columns.map((name, c) => ({ name, data: values[c] ?? [] })),
      rowGroupSize: rows,
    });
    values = columns.map(() => []);
    rows = 0;
    chars = 0;
  };
  return {
    write(line) {
      const record = JSON.parse(line) as Record<string, unknown>;
      columns.forEach((name, c) => {
        const value = record[name];
        if (typeof value !== "string") throw new TypeError(`a record without the string ${name}`);
        values[c]?.push(value);
        chars += value.length;
      });
      rows++;
      if (chars >= group.chars || rows >= group.rows) writeGroup();
    },
    close() {
      writeGroup();
      void writer.finish();
    },
  };
}
