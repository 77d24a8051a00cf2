import { describe, expect, it } from "vitest";
import { looksBinary, looksLikePdf, looksLikeZip } from "./sniff";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("sniff", () => {
  it("takes text in any script for text, and NUL or control-heavy bytes for binary", () => {
    expect(looksBinary(bytes("Naïve café — 細胞 😀\r\n\tok\f"))).toBe(false);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe(true);
    expect(looksBinary(new Uint8Array([1, 2, 3, 4, 65, 66, 67, 68, 69, 70]))).toBe(true);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it("finds the PDF header in the first kilobyte and the ZIP signature at the start", () => {
    expect(looksLikePdf(bytes("%PDF-1.7\n"))).toBe(true);
    expect(looksLikePdf(bytes(`${" ".repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes(`${" ".repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(bytes("hello"))).toBe(false);
    expect(looksLikeZip(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe(true);
    expect(looksLikeZip(bytes("PK"))).toBe(false);
  });
});
