/** Reading numbers and intervals out of scanner matches; shared by the intake patterns. */
import type { Match } from './scanner.js';
import { NUMBER_WORDS } from './numbers.js';
import type { Amount, Interval } from './types.js';
import { unitOf } from './vocabulary.js';

export function numbers(m: Match): number[] {
  const values: number[] = [];
  for (const t of m.tokens) if (t.kind === 'number' && t.value !== undefined) values.push(t.value);
  return values;
}

/** The interval written in group `name` of a match, taking numbers from `from` on. */
export function rangeIn(m: Match, name: string, from = 0): { interval: Interval; used: number } | undefined {
  const group = m.groups[name];
  if (group === undefined) return undefined;
  let used = 0;
  for (let i = group.indexOf('#'); i >= 0; i = group.indexOf('#', i + 1)) used++;
  const values = numbers(m).slice(from, from + used);
  const [low, high = low] = values;
  if (low === undefined || high === undefined) return undefined;
  return { interval: { low: Math.min(low, high), high: Math.max(low, high) }, used };
}

export function timesIn(m: Match): Interval | undefined {
  if (m.groups.word !== undefined) {
    const first = m.groups.word.split(' ')[0] ?? '';
    const n = NUMBER_WORDS[first];
    return n === undefined ? undefined : { low: n, high: n };
  }
  return rangeIn(m, 't')?.interval ?? rangeIn(m, 'n')?.interval;
}

/** The last number of a match ("every 2 weeks" → 2), when it is positive. */
export function lastNumber(m: Match): number | undefined {
  const n = numbers(m).at(-1);
  return n !== undefined && n > 0 ? n : undefined;
}

export const scale = (i: Interval, f: number): Interval => ({ low: i.low * f, high: i.high * f });
export const fixed = (n: number): Interval => ({ low: n, high: n });
export const same = (a: Interval, b: Interval) => Math.abs(a.low - b.low) < 1e-9 && Math.abs(a.high - b.high) < 1e-9;
export function amountFrom(m: Match, rangeGroup: string, from: number): Amount | undefined {
  const r = rangeIn(m, rangeGroup, from);
  const unit = unitOf(m.groups.u ?? '');
  if (!r || !unit) return undefined;
  return { ...scale(r.interval, unit.factor), unit: unit.unit, text: m.text };
}
