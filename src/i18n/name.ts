/**
 * A medicine's name as it opens a sentence or a label ("Magnesium: dose not checked") and as it
 * stands inside a sentence ("Keep taking magnesium"). In English and Dutch a generic name is a
 * common noun, written in lower case inside a sentence; a brand keeps its capital.
 */
export interface Name {
  start: string;
  inSentence: string;
}

/**
 * A first word of one capital and lower-case letters ("Magnesium", "Vitamin", the "Co" of
 * "Co-trimoxazole"): its capital belongs to the start of the sentence. Names that begin otherwise
 * keep their letters inside a sentence: "ACE inhibitors", "CYP3A4 inducers", "NSAIDs", "L-carnitine".
 */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;
/** The Dutch letter IJ opening a word ("IJzer"), which is lower case as a pair: "ijzer". */
const CAPITAL_IJ = /^IJ\p{Ll}+(?![\p{L}\p{N}])/u;

/** A generic name; `inSentence` is the knowledge base's own spelling inside a sentence where the rule does not give it ("St John's wort"). */
export function genericName(name: string, inSentence?: string): Name {
  if (inSentence !== undefined) return { start: name, inSentence };
  if (CAPITAL_IJ.test(name)) return { start: name, inSentence: `ij${name.slice(2)}` };
  return { start: name, inSentence: CAPITALISED_WORD.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name };
}

/** A name written the same everywhere: a brand, or text that is not a name the knowledge base holds. */
export function asWritten(name: string): Name {
  return { start: name, inSentence: name };
}
