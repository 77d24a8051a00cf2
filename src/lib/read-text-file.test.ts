import { describe, expect, it } from "vitest";
import { readTextFile } from "./read-text-file";

const file = (parts: BlobPart[], name = "a.txt") => new File(parts, name, { type: "text/plain" });

describe("readTextFile", () => {
  it("reads UTF-8 text", async () => {
    const r = await readTextFile(file(["Naïve café — ok"]));
    expect(r).toMatchObject({ ok: true, text: "Naïve café — ok" });
  });
  it("refuses binary, non-UTF-8 and empty files with the file name", async () => {
    expect(await readTextFile(file([new Uint8Array([0x50, 0x4b, 0, 1])], "x.zip"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("x.zip looks like a binary file") as unknown,
    });
    expect(
      await readTextFile(file([new Uint8Array([0x66, 0xe9, 0x65])], "latin1.txt")),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not valid UTF-8") as unknown,
    });
    expect(await readTextFile(file([" \n\t "], "blank.md"))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("empty") as unknown,
    });
  });
  it("refuses a file over the limit before reading it", async () => {
    const big = file(["x"]);
    Object.defineProperty(big, "size", { value: 51 * 1024 * 1024 });
    Object.defineProperty(big, "arrayBuffer", {
      value: () => Promise.reject(new Error("must not read")),
    });
    expect(await readTextFile(big)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("the limit is 50 MB") as unknown,
    });
  });
});
