import { describe, expect, it } from "vitest";
import { baseName, extensionOf, formatOf, isHiddenPath, isRecordFormat, stem } from "./formats";
import { planFiles, recordFiles, toRead } from "./plan";

describe("formats", () => {
  it("tells formats apart by extension, in any case", () => {
    expect(formatOf("a.TXT")).toBe("text");
    expect(formatOf("dir/notes.markdown")).toBe("markdown");
    expect(formatOf("page.HTM")).toBe("html");
    expect(formatOf("x.ndjson")).toBe("jsonl");
    expect(formatOf("sheet.tab")).toBe("tsv");
    expect(formatOf("photo.png")).toBeNull();
    expect(formatOf("README")).toBeNull();
    expect(formatOf(".txt")).toBeNull();
  });

  it("splits names and paths", () => {
    expect(baseName("a/b\\c.md")).toBe("c.md");
    expect(extensionOf("archive.tar.gz")).toBe("gz");
    expect(extensionOf(".bashrc")).toBe("");
    expect(stem("dir/report.final.pdf")).toBe("report.final");
    expect(stem(".env")).toBe(".env");
  });

  it("spots hidden files, hidden folders and system clutter", () => {
    expect(isHiddenPath(".DS_Store")).toBe(true);
    expect(isHiddenPath("docs/.git/config")).toBe(true);
    expect(isHiddenPath("__MACOSX/a.txt")).toBe(true);
    expect(isHiddenPath("pics/Thumbs.db")).toBe(true);
    expect(isHiddenPath("docs/a.b.txt")).toBe(false);
  });

  it("knows the record formats", () => {
    expect(["json", "jsonl", "csv", "tsv"].every((f) => isRecordFormat(f as "json"))).toBe(true);
    expect(isRecordFormat("pdf")).toBe(false);
  });
});

describe("planFiles", () => {
  it("leaves out hidden and too large files without reading them", () => {
    const plan = planFiles([
      { path: "a.txt", size: 10 },
      { path: ".hidden.txt", size: 10 },
      { path: "big.txt", size: 51 * 1024 * 1024 },
      { path: "big.jsonl", size: 150 * 1024 * 1024 },
      { path: "pic.png", size: 10 },
      { path: "t.csv", size: 10 },
    ]);
    expect(plan.map((p) => p.verdict?.status ?? "read")).toEqual([
      "read",
      "skipped",
      "failed",
      "read",
      "read",
      "read",
    ]);
    expect(plan[2]?.verdict?.reason).toBe(
      "big.txt is 51.0 MB; the limit is 50 MB for Text files. Split it into smaller files.",
    );
    expect(toRead(plan).map((p) => p.path)).toEqual(["a.txt", "big.jsonl", "pic.png", "t.csv"]);
    expect(recordFiles(plan).map((p) => p.path)).toEqual(["big.jsonl", "t.csv"]);
  });
});
