/**
 * How much one check may hold, the same for the JSON API, the web form and FHIR: lines, their
 * length, and the body size that fits the largest valid request however it is encoded.
 */
export const LIST_LIMITS = {
  lines: 100,
  /** Characters (Unicode code points) per line, also per allergy line. */
  lineLength: 500,
  allergies: 20,
  /**
   * Separate medicines one line may name (a product counts as one). More is a list pasted onto one
   * line: it is not checked, and the user is asked to put each on its own line, so that the cost
   * and the size of an answer stay in proportion to the list.
   */
  medicinesPerLine: 4,
} as const;

/** A line's length as a person counts it: "é" and "😀" are one character each, however sent. */
export function lineLength(line: string): number {
  let n = 0;
  for (const _ of line) n++;
  return n;
}

/**
 * The largest body a valid request can take: every character of every line written as a JSON
 * escape of a surrogate pair ("\ud83d\ude00", 12 bytes) or as percent-encoded UTF-8 (12 bytes),
 * plus room for the patient's fields, the separators and the structure.
 */
export const BODY_LIMIT_BYTES = (LIST_LIMITS.lines + LIST_LIMITS.allergies) * (LIST_LIMITS.lineLength * 12 + 16) + 64 * 1024;
