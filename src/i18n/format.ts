/** Numbers and amounts as a reader of the given language expects them (0,125 mg in Dutch). */
import type { Lang } from '../kb/schema.js';
import type { DisplayUnit } from './en.js';
import { messages } from './index.js';

/**
 * The number formats of a language: index 0–2 for that many decimals at most, 3 for three
 * significant digits. Each remembers the numbers it has written: Intl formatting is slow next to a
 * map look-up, and a report writes the same doses, limits and line numbers many times. A memory
 * that is full is emptied, so odd input cannot grow it.
 */
interface Format {
  intl: Intl.NumberFormat;
  written: Map<number, string>;
}
const SIGNIFICANT = 3;
const WRITTEN_MAX = 2_000;
const formats: Partial<Record<Lang, Format[]>> = {};

function write(lang: Lang, kind: number, value: number): string {
  const byKind = (formats[lang] ??= []);
  let format = byKind[kind];
  if (!format) {
    const options: Intl.NumberFormatOptions = kind === SIGNIFICANT ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: kind };
    format = { intl: new Intl.NumberFormat(messages(lang).locale, options), written: new Map() };
    byKind[kind] = format;
  }
  let text = format.written.get(value);
  if (text === undefined) {
    if (format.written.size >= WRITTEN_MAX) format.written.clear();
    text = format.intl.format(value);
    format.written.set(value, text);
  }
  return text;
}

function digitsFor(value: number): number {
  const v = Math.abs(value);
  if (v === 0 || v >= 100) return 0;
  if (v >= 10) return 1;
  return 2;
}

export function formatNumber(value: number, lang: Lang): string {
  // Below 1, three significant digits: 0.125 mg digoxin, 0.00025 mg alfacalcidol (not "0").
  const small = value !== 0 && Math.abs(value) < 1;
  return write(lang, small ? SIGNIFICANT : digitsFor(value), value);
}

/** A conversion factor with three significant digits: 0.0134, 0.83, 24.3. */
export function formatSignificant(value: number, lang: Lang): string {
  return write(lang, SIGNIFICANT, value);
}

/** "5.8%": one decimal is enough for a share. */
export function formatPercent(value: number, lang: Lang): string {
  return `${formatNumber(Math.round(value * 10) / 10, lang)}%`;
}

export function formatUnit(unit: DisplayUnit, lang: Lang): string {
  return messages(lang).units[unit];
}

/**
 * "250 mg", "268–364 mg", or "up to 250 mg" when the range starts at zero (as needed). Amounts
 * below 1 mg are shown in micrograms, as labels give them ("0.25 µg", not "0.00025 mg").
 */
export function formatAmount(low: number, high: number, unit: DisplayUnit, lang: Lang, of?: string): string {
  if (unit === 'mg' && high > 0 && high < 1) return formatAmount(low * 1000, high * 1000, 'µg', lang, of);
  const u = `${formatUnit(unit, lang)}${of ? ` ${of}` : ''}`;
  if (Math.abs(high - low) < 1e-9 || formatNumber(low, lang) === formatNumber(high, lang)) return `${formatNumber(high, lang)} ${u}`;
  if (low === 0) return `${messages(lang).upTo} ${formatNumber(high, lang)} ${u}`;
  return `${formatNumber(low, lang)}–${formatNumber(high, lang)} ${u}`;
}

/**
 * "line 1", "lines 1 and 3", "lines 1, 2 and 4", "lines 1–5 and 9" (1-based for people): three or
 * more lines in a row are one range, so a total over a long list is named in a few words.
 */
export function formatLines(indexes: readonly number[], lang: Lang): string {
  const m = messages(lang);
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === (indexes[j] ?? 0) + 1) j++;
    const from = (indexes[i] ?? 0) + 1;
    if (j - i >= 2) parts.push(`${from}–${(indexes[j] ?? 0) + 1}`);
    else for (let k = i; k <= j; k++) parts.push(String((indexes[k] ?? 0) + 1));
    i = j + 1;
  }
  if (parts.length === 1 && indexes.length === 1) return `${m.line} ${parts[0]}`;
  if (parts.length === 1) return `${m.lines} ${parts[0]}`;
  return `${m.lines} ${parts.slice(0, -1).join(', ')} ${m.and} ${parts[parts.length - 1]}`;
}
