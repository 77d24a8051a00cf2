// Writes small, valid PDFs for the tests: pages of Helvetica text, optionally encrypted with
// the standard security handler (RC4, 40-bit key, revision 2) under a user password.
import { createHash } from "node:crypto";

const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    j = (j + (s[a] as number)) & 255;
    [s[a], s[j]] = [s[j] as number, s[a] as number];
    out[k] = (data[k] as number) ^ (s[((s[a] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

const padded = (password: string) =>
  Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);

/** The /Encrypt values and the file key for a user password (owner password = user's). */
function security(password: string, fileId: Buffer) {
  const P = -44;
  const O = rc4(md5(padded(password)).subarray(0, 5), padded(password));
  const p = Buffer.alloc(4);
  p.writeInt32LE(P);
  const key = md5(padded(password), O, p, fileId).subarray(0, 5);
  const U = rc4(key, PAD);
  return { O, U, P, key };
}

const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PDF with one page per entry, each page's lines set in 12 pt Helvetica. */
export function makePdf(pages: string[][], opts: { password?: string } = {}): Buffer {
  const fileId = createHash("md5").update(JSON.stringify(pages)).digest();
  const sec = opts.password === undefined ? null : security(opts.password, fileId);
  const objects: (string | Buffer)[] = [];
  /** Adds an object; its number is its position from 1. */
  const add = (body: string | Buffer) => objects.push(body);
  // 1 catalog, 2 pages, 3 font, then a page and its content per page.
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ");
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  pages.forEach((lines, i) => {
    const pageNum = 4 + 2 * i;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNum + 1} 0 R >>`,
    );
    const ops = lines.map((l, k) => `${k === 0 ? "" : "T* "}(${escape(l)}) Tj`).join("\n");
    let stream: Buffer = Buffer.from(`BT /F1 12 Tf 14 TL 72 720 Td\n${ops}\nET`, "latin1");
    if (sec) {
      const n = Buffer.from([(pageNum + 1) & 255, ((pageNum + 1) >> 8) & 255, 0, 0, 0]);
      stream = rc4(md5(sec.key, n).subarray(0, 10), stream);
    }
    add(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, "latin1"),
        stream,
        Buffer.from("\nendstream", "latin1"),
      ]),
    );
  });
  let encryptRef = "";
  if (sec) {
    const num = add(
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${sec.O.toString("hex")}> /U <${sec.U.toString("hex")}> /P ${sec.P} >>`,
    );
    encryptRef = ` /Encrypt ${num} 0 R`;
  }
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    chunks.push(b);
    offset += b.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${fileId.toString("hex")}> <${fileId.toString("hex")}>]${encryptRef} >>`,
    "startxref",
    String(offset),
    "%%EOF",
    "",
  ].join("\n");
  chunks.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(chunks);
}
