import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { unzipFiles, zipFiles } from "./zip";

const files = {
  "README.md": "# Title\n\nÜnïcödé ✓\n",
  "data/pretrain.jsonl": '{"text":"a"}\n{"text":"b"}\n',
  "data/empty.txt": "",
  "bytes.bin": new Uint8Array([0, 1, 2, 255]),
};

describe("zipFiles", () => {
  it("round-trips text (as UTF-8) and bytes, folders included", () => {
    const back = unzipFiles(zipFiles(files));
    expect(Object.keys(back).sort()).toEqual(Object.keys(files).sort());
    for (const [path, contents] of Object.entries(files)) {
      const expected = typeof contents === "string" ? strToU8(contents) : contents;
      expect(Array.from(back[path] ?? []), path).toEqual(Array.from(expected));
    }
  });

  it("gives the same bytes every time", () => {
    expect(Array.from(zipFiles(files))).toEqual(Array.from(zipFiles({ ...files })));
  });

  it("stamps every entry 1980-01-01 00:00, whatever the clock or time zone", () => {
    const zip = zipFiles({ "a.txt": "a" });
    // Local file header: signature "PK\3\4", then the DOS time (0) and date (year 0, month 1,
    // day 1) as little-endian 16-bit words at offsets 10 and 12.
    expect(Array.from(zip.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Array.from(zip.subarray(10, 14))).toEqual([0x00, 0x00, 0x21, 0x00]);
  });

  it("packs an empty set of files into a valid, empty archive", () => {
    expect(unzipFiles(zipFiles({}))).toEqual({});
  });
});
