import { describe, expect, it } from "vitest";
import { droppedFiles, MAX_FILES } from "./collect-files";

// A script cannot put folders into a DataTransfer (browsers build folder entries only for a
// real drop), so the walk over a dropped folder is tested here against entries shaped like the
// browser's: readEntries answers in batches, then with none.

type Tree = { [name: string]: string | Tree };

function entry(name: string, fullPath: string, node: string | Tree, per = 2): FileSystemEntry {
  if (typeof node === "string") {
    const file = new File([node], name);
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(file),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, child]) =>
    entry(n, `${fullPath}/${n}`, child, per),
  );
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        // A few entries per answer, as a large folder answers in several.
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + per);
          at += batch.length;
          setTimeout(() => ok(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function drop(tops: Record<string, string | Tree>, per?: number): DataTransfer {
  const items = Object.entries(tops).map(([name, node]) => ({
    kind: "file",
    webkitGetAsEntry: () => entry(name, `/${name}`, node, per),
    getAsFile: () => (typeof node === "string" ? new File([node], name) : null),
  }));
  return { items, files: [] } as unknown as DataTransfer;
}

describe("droppedFiles", () => {
  it("walks dropped folders in name order, with each file's path, across reader batches", async () => {
    const files = await droppedFiles(
      drop({
        corpus: {
          "b.md": "B",
          sub: { "z.txt": "Z", "a.txt": "A" },
          "a.txt": "A0",
          "c.jsonl": "{}",
          ".hidden": "H",
        },
        "loose.txt": "L",
      }),
    );
    expect(files.map((f) => f.path)).toEqual([
      "corpus/.hidden",
      "corpus/a.txt",
      "corpus/b.md",
      "corpus/c.jsonl",
      "corpus/sub/a.txt",
      "corpus/sub/z.txt",
      "loose.txt",
    ]);
    expect(await files[5]?.file.text()).toBe("Z");
  });

  it("stops at MAX_FILES however large the folder", async () => {
    const big: Tree = {};
    for (let i = 0; i < MAX_FILES + 5; i++) big[`f${String(i).padStart(5, "0")}.txt`] = "x";
    const files = await droppedFiles(drop({ big }, 500));
    expect(files).toHaveLength(MAX_FILES);
    expect(files[0]?.path).toBe("big/f00000.txt");
  });

  it("takes plain files from a drop without entries", async () => {
    const file = new File(["text"], "plain.md");
    const dt = { items: [], files: [file] } as unknown as DataTransfer;
    expect((await droppedFiles(dt)).map((f) => f.path)).toEqual(["plain.md"]);
  });
});
