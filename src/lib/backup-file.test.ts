import { gzipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, type Backup, validateBackup } from "../core/backup-format";
import { backupFileName, backupToBlob, readBackupFile } from "./backup-file";

const backup: Backup = {
  format: BACKUP_FORMAT,
  version: 1,
  exportedAt: "2025-01-31T10:00:00.000Z",
  app: { name: "IPT Studio", version: "0.1.0" },
  project: { id: "P", name: "Biology", createdAt: 1, updatedAt: 1 },
  documents: [
    {
      id: "d",
      projectId: "P",
      title: "Naïve café",
      source: { kind: "paste" },
      text: "Zellen teilen sich — 细胞分裂.",
      contentHash: "h",
      createdAt: 1,
      updatedAt: 1,
    },
  ],
  results: [],
  pairs: [],
  settings: [],
};

const file = (parts: BlobPart[], name = "b.ipt-backup.json.gz") => new File(parts, name);

function refusal(r: Awaited<ReturnType<typeof readBackupFile>>): string {
  if (r.ok) throw new Error("expected a refusal");
  return r.message;
}

describe("backup files", () => {
  it("round-trips a backup through a gzip file", async () => {
    const blob = backupToBlob(backup);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(blob.type).toBe("application/gzip");
    const r = await readBackupFile(file([blob]));
    if (!r.ok) throw new Error(r.message);
    expect(r.json).toEqual(backup);
    expect(validateBackup(r.json)).toEqual({ ok: true, backup });
  });

  it("reads plain JSON too, with or without a byte order mark", async () => {
    const text = JSON.stringify(backup);
    for (const parts of [[text], ["\uFEFF" + text]]) {
      expect(await readBackupFile(file(parts, "b.json"))).toEqual({ ok: true, json: backup });
    }
  });

  it("names a sensible file", () => {
    expect(backupFileName("Biology: Cells & Leaves!", backup.exportedAt)).toBe(
      "biology-cells-leaves-2025-01-31.ipt-backup.json.gz",
    );
    expect(backupFileName("细胞", backup.exportedAt)).toBe("project-2025-01-31.ipt-backup.json.gz");
  });

  it("refuses empty, binary, damaged and non-JSON files clearly", async () => {
    expect(refusal(await readBackupFile(file([], "e.json")))).toBe(
      "e.json is empty; it holds no backup.",
    );
    expect(refusal(await readBackupFile(file([" \n"], "e.json")))).toContain("is empty");
    expect(refusal(await readBackupFile(file([gzipSync(strToU8(""))], "e.gz")))).toContain(
      "is empty",
    );
    expect(
      refusal(await readBackupFile(file([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "x.zip"))),
    ).toBe(
      "x.zip is not an IPT Studio backup: it is a binary file, neither gzip-compressed nor JSON text.",
    );
    expect(
      refusal(await readBackupFile(file([new Uint8Array([0x7b, 0xe9, 0x7d])], "latin1.json"))),
    ).toContain("neither gzip-compressed nor JSON text");
    const cut = new Uint8Array(await backupToBlob(backup).arrayBuffer()).subarray(0, 20);
    expect(refusal(await readBackupFile(file([cut], "cut.gz")))).toContain(
      "cut.gz is a damaged or incomplete gzip file",
    );
    expect(refusal(await readBackupFile(file(['{"format": '], "half.json")))).toContain(
      "half.json is not valid JSON (",
    );
    expect(refusal(await readBackupFile(file([gzipSync(strToU8("nope"))], "n.gz")))).toContain(
      "n.gz is not valid JSON",
    );
  });

  it("refuses a file over 200 MB before reading it", async () => {
    const big = file(["x"], "huge.json.gz");
    Object.defineProperty(big, "size", { value: 201 * 1024 * 1024 });
    Object.defineProperty(big, "arrayBuffer", {
      value: () => Promise.reject(new Error("must not read")),
    });
    expect(refusal(await readBackupFile(big))).toBe(
      "huge.json.gz is 201.0 MB; backups over 200 MB cannot be restored in the browser.",
    );
  });

  it("stops unpacking a gzip bomb at the limit", async () => {
    const bomb = gzipSync(new Uint8Array(3 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { fileBytes: 1024 * 1024, unpackedBytes: 1024 * 1024 };
    expect(refusal(await readBackupFile(file([bomb], "bomb.gz"), limits))).toBe(
      "bomb.gz unpacks to more than 1 MB, too large to restore in the browser.",
    );
  });
});
