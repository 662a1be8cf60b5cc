/**
 * How names are compared. Case, accents, spaces and punctuation do not count, so "Kinine-sulfaat",
 * "kininesulfaat" and "KININE SULFAAT" meet at one key. Word boundaries count one way: a line may
 * split a name into more words than the KB writes it ("kinine sulfaat" for "kininesulfaat"), but
 * may not run together words the KB keeps apart — else "Vitamine D" would read as "Vitamin E".
 */
/** Plain ASCII needs no Unicode normalisation, which is most of the cost of a key. */
const ASCII = /^[\x00-\x7f]*$/;

export function nameKey(name: string): string {
  if (ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/µ|μ/g, 'u')
    .replace(/[^a-z0-9]/g, '');
}

/** The words and numbers of a name, as keys: "Vitamin B12" → ["vitamin", "b", "12"]. */
export function namePieces(name: string): string[] {
  return (name.match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []).map(nameKey).filter((p) => p.length > 0);
}

/** Where the pieces meet, as offsets into their joined key: ["vitamin", "e"] → [7]. */
export function boundaries(pieces: readonly string[]): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const p of pieces.slice(0, -1)) {
    offset += p.length;
    out.push(offset);
  }
  return out;
}
