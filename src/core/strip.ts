/**
 * The characters Python's `str.strip()` removes. The reference parser trims with it, so we must
 * too: JavaScript's `trim()` differs on U+001C–U+001F and U+0085 (it keeps them) and on U+FEFF
 * (it removes it). Method spec, section 3.
 */
const PY_WHITESPACE =
  "\t\n\v\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" +
  "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

const isPyWhitespace = (ch: string): boolean => PY_WHITESPACE.includes(ch);

/** Trims both ends exactly as Python's `str.strip()` with no arguments. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPyWhitespace(s.charAt(start))) start++;
  while (end > start && isPyWhitespace(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}
