import type { LabelKind } from "./template-pack";

/** Matches one `{name}` placeholder. Shared with the validator so both agree on the syntax. */
export const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * Fills `{name}` placeholders in one pass, so a value that itself contains "{answer}" is never
 * substituted again. Unknown placeholders are left as written (the validator rejects them).
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

/** The placeholder names used in a template, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string);
}

/** How many distinct labels a kind has (roman numerals stop at 3999). */
export const LABEL_CAPACITY: Readonly<Record<LabelKind, number>> = {
  upper: 26,
  lower: 26,
  number: Number.POSITIVE_INFINITY,
  lowerRoman: 3999,
  upperRoman: 3999,
};

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** The label of item `index` (0-based). Callers check {@link LABEL_CAPACITY} first. */
export function itemLabel(kind: LabelKind, index: number): string {
  switch (kind) {
    case "upper":
      return String.fromCharCode(65 + index);
    case "lower":
      return String.fromCharCode(97 + index);
    case "number":
      return String(index + 1);
    case "lowerRoman":
      return roman(index + 1).toLowerCase();
    case "upperRoman":
      return roman(index + 1);
  }
}
