import { describe, expect, it } from "vitest";
import { joinPages, pageText, type PdfTextRun } from "./pdf-text";

const run = (str: string, y: number, hasEOL = false): PdfTextRun => ({
  str,
  hasEOL,
  transform: [12, 0, 0, 12, 72, y],
  height: 12,
});

describe("pdf text", () => {
  it("keeps line ends, and makes a wide vertical gap a paragraph break", () => {
    const runs = [
      run("Flood ", 700),
      run("report", 700, true),
      run("The river rose", 660, true),
      run("two metres.", 646, true),
    ];
    expect(pageText(runs)).toBe("Flood report\n\nThe river rose\ntwo metres.");
  });

  it("joins pages with a paragraph break and skips empty pages", () => {
    expect(joinPages(["Page one.", "  ", "Page three."])).toBe("Page one.\n\nPage three.");
  });

  it("reads runs without positions", () => {
    expect(pageText([{ str: "a", hasEOL: true }, { str: "b" }])).toBe("a\nb");
  });
});
