/**
 * How names are compared. Case, accents, spaces and punctuation do not count, so "Kinine-sulfaat",
 * "kininesulfaat" and "KININE SULFAAT" meet at one key. Word boundaries count one way: a line may
 * split a name into more words than the KB writes it ("kinine sulfaat" for "kininesulfaat"), but
 * may not run together words the KB keeps apart — else "Vitamine D" would read as "Vitamin E".
 */
/** Plain ASCII needs no Unicode normalisation, which is most of the cost of a key. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The key of one non-ASCII character. A key is the same whether a name is decomposed whole or a
 * character at a time (what survives is a-z and 0-9, which no neighbour changes), so each
 * character is worked out once; the cache is capped, as a line may hold any characters at all.
 */
const charKeys = new Map<string, string>();
const MAX_CACHED_CHARS = 4096;

function charKey(c: string): string {
  let key = charKeys.get(c);
  if (key === undefined) {
    key = c
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/µ|μ/g, 'u')
      .replace(/[^a-z0-9]/g, '');
    if (charKeys.size < MAX_CACHED_CHARS) charKeys.set(c, key);
  }
  return key;
}

export function nameKey(name: string): string {
  // Most words of a line are already a key: lower-case letters and digits only.
  let k = 0;
  for (; k < name.length; k++) {
    const code = name.charCodeAt(k);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) break;
  }
  if (k === name.length) return name;
  if (ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  let key = '';
  for (const c of name) {
    if (c > '\x7f') key += charKey(c);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    else if (c >= 'A' && c <= 'Z') key += c.toLowerCase();
  }
  return key;
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
