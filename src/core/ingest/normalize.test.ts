import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeNewlines, tidyExtracted } from "./normalize";

describe("normalize", () => {
  it("normalizes line breaks and drops a byte-order mark", () => {
    expect(normalizeNewlines("\ufeffa\r\nb\rc\n")).toBe("a\nb\nc\n");
    expect(normalizeNewlines("plain")).toBe("plain");
  });

  it("tidies extracted text into paragraphs", () => {
    expect(tidyExtracted("  \r\nTitle  \n\n\n\nBody\u0007 text\t\fNext page  ")).toBe(
      "Title\n\nBody text\n\nNext page",
    );
  });

  it("is idempotent and never leaves CR, triple newlines or outer whitespace", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\t", "\f", "\u0001", "é") }),
        (s) => {
          const t = tidyExtracted(s);
          expect(tidyExtracted(t)).toBe(t);
          expect(t).not.toMatch(/\r|\n{3}|^\s|\s$/);
        },
      ),
    );
  });
});
