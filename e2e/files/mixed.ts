// The "mixed import" fixture: 20 files of every format the studio reads, with the failures a
// real folder has (a corrupt PDF, a locked PDF, a binary file named .txt, a JSONL with a bad
// line, …). Written fresh into a temp folder by each test run; nothing binary is checked in.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeDocx } from "./make-docx";
import { makePdf } from "./make-pdf";

const page = (body: string, title = "") => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>body { font-family: serif }</style>
<script>window.__pwned = 1;</script></head>
<body><header><a href="/">Town council</a></header>
<nav><ul><li>Home</li><li>News</li></ul></nav>
${body}
<aside>Subscribe to our newsletter</aside>
<footer>Copyright 2026</footer></body></html>`;

export const MIXED: Record<string, string | Buffer> = {
  "plain.txt": "The river rose two metres after the storm.\nStreets near the mill were closed.\n",
  "notes.md": "# Field notes\n\nSoil samples were taken at dawn, before the rain.\n",
  "article.html": page(
    `<main><h1>Bridge inspection</h1><p>The inspectors found <b>rust</b> on the north span.</p>
     <p>Repairs start in May.<img src="x" onerror="window.__pwned = 2"></p></main>`,
    "Bridge inspection",
  ),
  "legacy.htm": "<p>An old page.</p><p>With two paragraphs &amp; an entity.</p>",
  "report.pdf": makePdf([
    ["Annual water report", "Rainfall was above average."],
    ["Page two: the reservoir is full."],
  ]),
  "broken.pdf": Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref\n"),
  "locked.pdf": makePdf([["Salaries for 2026"]], { password: "s3cret" }),
  "letter.docx": makeDocx(["Dear council,", "Please fix the bridge before winter."]),
  "records.json": JSON.stringify([
    { title: "Ferry timetable", text: "The ferry leaves at nine." },
    { title: "Market day", text: "The market opens on Saturdays." },
    { text: "Untitled record about the harbour." },
  ]),
  "wrapped.json": JSON.stringify({
    source: "survey",
    items: [
      { id: "s1", body: "Survey answer one: more buses." },
      { id: "s2", body: "Survey answer two: safer crossings." },
    ],
  }),
  "lines.jsonl": [
    JSON.stringify({ text: "Line one about trains." }),
    JSON.stringify({ text: "Line two about trams." }),
    "{this is not json",
    JSON.stringify({ text: "Line four about bicycles." }),
  ].join("\n"),
  "partial.jsonl": [
    JSON.stringify({ text: "Kept record." }),
    JSON.stringify({ body: "No text field here." }),
    JSON.stringify({ text: "Another kept record." }),
  ].join("\r\n"),
  "table.csv": 'text,n\n"Cells, with commas",1\n"A cell\nover two lines",2\nplain cell,3\n',
  "sheet.tsv": "id\tcontent\n1\tTab separated first.\n2\tTab separated second.\n",
  "binary.txt": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00]),
  "empty.txt": "  \n\t\n",
  "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]),
  "copy.txt": "The river   rose two metres after the storm.\r\nStreets near the mill were closed.",
  ".hidden.txt": "Hidden notes.",
  "photo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
};

/** Writes the mixed fixture into `dir` and returns the files' paths in fixture order. */
export async function writeMixed(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [name, body] of Object.entries(MIXED)) {
    const path = join(dir, name);
    await writeFile(path, body);
    paths.push(path);
  }
  return paths;
}
