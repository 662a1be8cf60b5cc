/**
 * Numbers as people write them on medication lines, in Dutch or English:
 * "0,125" and "0.125" are decimals; "1,000" and "1.000" could be a thousand (English and Dutch
 * thousands separators) or one (a decimal with trailing zeros). Such a number is read as the
 * larger value — the safer one for an upper dose limit — and the reading says so.
 */
export interface ReadNumber {
  value: number;
  /** The other reading of an ambiguous number. */
  alternative?: number;
}

const GROUPED = /^\d{1,3}(?:[.,]\d{3}){2,}$/;

export function readNumber(text: string): ReadNumber | undefined {
  if (!/^\d+(?:[.,]\d+)*$/.test(text)) return undefined;
  if (GROUPED.test(text)) {
    const seps = new Set(text.replace(/\d/g, ''));
    if (seps.size === 1) return { value: Number(text.replace(/[.,]/g, '')) };
    return undefined;
  }
  const parts = text.split(/[.,]/);
  if (parts.length === 1) return { value: Number(text) };
  if (parts.length > 2) return undefined;
  const [whole = '', fraction = ''] = parts;
  const decimal = Number(`${whole}.${fraction}`);
  if (fraction.length === 3 && !/^0+$/.test(whole)) {
    const thousands = Number(`${whole}${fraction}`);
    return { value: thousands, alternative: decimal };
  }
  return { value: decimal };
}

/** Number words used for frequencies ("tweemaal", "three times"). */
export const NUMBER_WORDS: Record<string, number> = {
  een: 1, één: 1, eens: 1, one: 1, once: 1, eenmaal: 1,
  twee: 2, two: 2, twice: 2, tweemaal: 2,
  drie: 3, three: 3, thrice: 3, driemaal: 3,
  vier: 4, four: 4, viermaal: 4,
  vijf: 5, five: 5, vijfmaal: 5,
  zes: 6, six: 6, zesmaal: 6,
};

/** Number words that count units: "twee tabletten", "half a tablet". */
export const COUNT_WORDS: Record<string, number> = {
  een: 1, één: 1, one: 1, a: 1, an: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4,
  vijf: 5, five: 5, zes: 6, six: 6, half: 0.5, halve: 0.5, 'een halve': 0.5, 'half a': 0.5, 'a half': 0.5,
  anderhalf: 1.5, anderhalve: 1.5, 'one and a half': 1.5, 'een en een halve': 1.5,
};
