/**
 * How often, as patterns over the canonical token string: regular frequencies (times a day,
 * a week, a month; Dutch "dd" notation; Latin abbreviations; weekdays; meals) and schedules of
 * different counts at set times of day.
 */
import { COUNT_WORDS } from './numbers.js';
import { fixed, lastNumber, numbers, rangeIn, scale, timesIn } from './match-helpers.js';
import { type Match, pattern, type Pattern, type Scanner } from './scanner.js';
import type { Interval, TimeOfDay } from './types.js';
import {
  abbr,
  alt,
  FORM_WORD,
  RANGE,
  TIMES_OF_DAY,
  TIMES_WORD,
  UNIT,
  WEEKDAY,
  WEEKDAYS,
  WITH_EACH_MEAL,
} from './vocabulary.js';

export const DAY = alt('dag', 'day', 'daags', 'daily', 'etmaal', '24 uur', '24 hours', '24 h', 'dd', 'nacht', 'night');
export const WEEK = alt('week', 'weken', 'weeks', 'wk');
export const MONTH = alt('maand', 'maanden', 'month', 'months');
export const PER = `(?:(?:per|a|in|in de|\\/|each|every|elke|iedere) )?`;
export const TIMES = '(?:x|×|\\*|maal|keer|times)';
export const HOUR = alt('h', 'hr', 'hrs', 'hour', 'hours', 'uur', 'u');
export const DURATION_UNIT = alt('dag', 'dagen', 'week', 'weken', 'maand', 'maanden', 'jaar', 'jaren', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'wk');
/** Count words as a pattern: "twee", "one", "anderhalve". */
export const COUNT_WORD = alt(...Object.keys(COUNT_WORDS));
/** Separators of a range of weekdays ("ma-vr", "ma t/m vr", "Mon to Fri"), as opposed to a list. */
export const DAY_RANGE = new Set(['-', '–', 't/m', 'tot en met', 'tot', 'to', 'through', 'thru']);
/** A count of units written next to a time of day is at most this; larger numbers are not counts. */
export const MAX_COUNT = 10;
/** Above this, a number before "tabletten" is the size of a pack, not a dose. */
export const MAX_PACK_COUNT = 20;

export const weekdaysIn = (m: Match) => new Set(m.tokens.flatMap((t) => (Object.hasOwn(WEEKDAYS, t.norm) ? [WEEKDAYS[t.norm]] : [])));

/** The days of "ma-vr" or "Mon to Fri" (two days joined as a range, wrapping past Sunday), else those named. */
function weekdaysInRange(m: Match): Set<number | undefined> {
  const named = m.tokens.filter((t) => Object.hasOwn(WEEKDAYS, t.norm));
  const [first, last] = named;
  if (named.length !== 2 || !first || !last) return weekdaysIn(m);
  const offset = m.tokens[0]?.start ?? 0;
  const between = m.text.slice(first.end - offset, last.start - offset).trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/');
  if (!DAY_RANGE.has(between)) return weekdaysIn(m);
  const from = WEEKDAYS[first.norm] ?? 0;
  const to = WEEKDAYS[last.norm] ?? 0;
  const length = ((to - from + 7) % 7) + 1;
  return new Set(Array.from({ length }, (_, i) => (from + i) % 7));
}

export const MEALS_PATTERN = `(?:(?<c>${RANGE}) (?:${FORM_WORD} )?)?${WITH_EACH_MEAL}`;

export type { Pattern };

export interface Candidate {
  perDay: Interval;
  text: string;
  start: number;
  end: number;
}

/** Regular frequencies, most specific first; each returns times per day. */
const REGULAR_SOURCES: { pattern: string; perDay: (m: Match) => Interval | undefined; count?: boolean }[] = [
  // Dutch pharmacy notation: 1dd1, 3dd2, 1 d.d. 1 (times per day, then units per time)
  {
    pattern: `(?<t>${RANGE}) (?:dd|d \\. d \\.|d d)(?: (?<c>${RANGE})(?! (?:x|×|\\*|maal|keer|times|${UNIT}|${DURATION_UNIT})(?: |$))(?: ${FORM_WORD})?)?`,
    perDay: (m) => rangeIn(m, 't')?.interval,
    count: true,
  },
  // "1x per 4 weken", "2 keer per 3 maanden"
  { pattern: `(?<t>${RANGE}) ?${TIMES} (?:per|in|every|elke|iedere|om de|\\/) # ${WEEK}`, perDay: (m) => { const w = lastNumber(m); const t = rangeIn(m, 't')?.interval; return w !== undefined && t ? scale(t, 1 / (7 * w)) : undefined; } },
  { pattern: `(?<t>${RANGE}) ?${TIMES} (?:per|in|every|elke|iedere|om de|\\/) # ${MONTH}`, perDay: (m) => { const w = lastNumber(m); const t = rangeIn(m, 't')?.interval; return w !== undefined && t ? scale(t, 1 / (30 * w)) : undefined; } },
  { pattern: `(?<t>${RANGE}) ?${TIMES} ${PER}${DAY}`, perDay: (m) => rangeIn(m, 't')?.interval },
  { pattern: `(?<word>${TIMES_WORD}) ${PER}${DAY}`, perDay: timesIn },
  { pattern: alt('bid', abbr('b.i.d.'), 'bd', abbr('b.d.')), perDay: () => fixed(2) },
  { pattern: alt('tid', abbr('t.i.d.'), 'tds', abbr('t.d.s.')), perDay: () => fixed(3) },
  { pattern: alt('qid', abbr('q.i.d.'), 'qds', abbr('q.d.s.')), perDay: () => fixed(4) },
  // Before "o.d.", which is a part of "q.o.d.".
  {
    pattern: alt(
      'om de (?:andere )?(?:dag|nacht|avond)', 'every other (?:day|night|evening)', 'every second (?:day|night)', 'alternate (?:days|nights)',
      'on alternate days', 'qod', abbr('q.o.d.'), 'eod', abbr('e.o.d.'), 'om de twee dagen', 'elke andere dag',
    ),
    perDay: () => fixed(0.5),
  },
  { pattern: alt('od', abbr('o.d.'), 'qd', abbr('q.d.'), 'sid', abbr('s.i.d.'), 'once daily', 'once a day', 'q24h', 'q 24 h'), perDay: () => fixed(1) },
  {
    pattern: `(?:q|every|elke|iedere|om de) ?(?<h>#) ?${HOUR}`,
    perDay: (m) => {
      const h = numbers(m)[0];
      return h && h > 0 ? fixed(24 / h) : undefined;
    },
  },
  // "5 dagen per week", "5 days a week"
  { pattern: `(?<t>${RANGE}) (?:dagen|days|dag|day) ${PER}${WEEK}`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && t.high <= 7 ? scale(t, 1 / 7) : undefined; } },
  { pattern: `(?<t>${RANGE}) ?${TIMES} (?:${PER}${WEEK}|weekly|wekelijks)`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && scale(t, 1 / 7); } },
  { pattern: `(?<word>${TIMES_WORD}) (?:${PER}${WEEK}|weekly|wekelijks)`, perDay: (m) => { const t = timesIn(m); return t && scale(t, 1 / 7); } },
  { pattern: alt('tiw', abbr('t.i.w.'), 'three times weekly', 'driemaal wekelijks'), perDay: () => fixed(3 / 7) },
  // "every 2 weeks", "om de 4 weken", "q2w"
  { pattern: `(?:om de|elke|iedere|every|once every|eens per|once per|per) # ${WEEK}|q ?# ?w`, perDay: (m) => { const w = lastNumber(m); return w === undefined ? undefined : fixed(1 / (7 * w)); } },
  { pattern: `(?:om de|elke|iedere|every|once every|eens per|once per|per) # ${MONTH}`, perDay: (m) => { const w = lastNumber(m); return w === undefined ? undefined : fixed(1 / (30 * w)); } },
  { pattern: alt('weekly', 'wekelijks', 'per week', 'elke week', 'iedere week', 'every week', 'once weekly', 'a week'), perDay: () => fixed(1 / 7) },
  { pattern: alt('fortnightly', 'every fortnight', 'once a fortnight', 'tweewekelijks', 'twee-wekelijks', 'om de veertien dagen', 'elke twee weken', 'every two weeks'), perDay: () => fixed(1 / 14) },
  {
    // "om de 3 dagen", "1 x per 2 dagen", "eens per 2 dagen"
    pattern: `(?:(?<t>${RANGE}) ?${TIMES} (?:per|in|every|elke|om de|\\/)|om de|elke|iedere|every|(?:een keer|eenmaal|eens|once) (?:per|in|every|elke)) (?<d>#) ?(?:dagen|days)`,
    perDay: (m) => {
      const d = lastNumber(m);
      const t = rangeIn(m, 't')?.interval ?? fixed(1);
      return d === undefined ? undefined : scale(t, 1 / d);
    },
  },
  { pattern: `(?<t>${RANGE}) ?${TIMES} ${PER}${MONTH}`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && scale(t, 1 / 30); } },
  { pattern: alt('maandelijks', 'monthly', 'per maand', 'once a month', 'elke maand', 'every month'), perDay: () => fixed(1 / 30) },
  // "1 or 2 a day", "2 per dag", "1 daily": times a day without "x"
  { pattern: `(?<t>${RANGE}) (?:(?:a|per|\\/) (?:day|dag)|daily|dagelijks)`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && t.high <= MAX_COUNT ? t : undefined; } },
  // "bij elke maaltijd": three main meals, the upper reading; a count may stand before it
  { pattern: MEALS_PATTERN, perDay: (m) => (rangeIn(m, 'c')?.interval.high ?? 0) <= MAX_COUNT ? fixed(3) : undefined, count: true },
  // "ma/wo/vr", "Mon, Wed and Fri", "op maandag", "ma-vr": the days named, out of seven
  {
    pattern: `(?:(?:op|on|elke|iedere|every|van|from) )?${WEEKDAY}(?: (?:\\/|,|-|–|en|and|&|\\+|t \\/ m|tot en met|tot|to|through|thru) ${WEEKDAY})*`,
    perDay: (m) => {
      const days = weekdaysInRange(m);
      const prefixed = /^(?:op|on|elke|iedere|every|van|from)$/.test(m.tokens[0]?.norm ?? '');
      return days.size >= 2 || prefixed ? fixed(days.size / 7) : undefined;
    },
  },
];

/** Regular frequencies, each compiled once. */
export const REGULAR = REGULAR_SOURCES.map((r) => ({ ...r, pattern: pattern(r.pattern), meals: r.pattern === MEALS_PATTERN }));

/** "2 tabletten bij het avondeten en 1 voor het slapen": units per time of day. */
export interface ScheduledDose {
  label: TimeOfDay;
  count: Interval;
  text: string;
  /** "6-8-6 E": the numbers are amounts in this unit, not counts of tablets. */
  unit?: string;
}

/** "1-0-1", "1-1-1-1": morning, noon, evening (and bedtime), as in Belgian and Dutch prescriptions. */
const GRID = pattern('# - # - #(?: - #)?');
/** "6-8-6 E", "10-0-8 IE": insulin units at breakfast, lunch and dinner (and bedtime). */
const GRID_AMOUNT = pattern(`# - # - #(?: - #)? (?<u>${UNIT})`);
/** Above this, a number in a grid of amounts is not a dose per meal. */
const MAX_GRID_AMOUNT = 500;
/** A count at a time of day: "2 tabletten 's avonds". */
const COUNTED_TIME = (Object.entries(TIMES_OF_DAY) as [TimeOfDay, string][]).map(
  ([label, time]) => [label, pattern(`(?:(?<c>${RANGE})|(?<w>${COUNT_WORD}))(?: ${FORM_WORD})? (?:${time})`)] as const,
);

export function scheduledDoses(s: Scanner): ScheduledDose[] {
  const labels: TimeOfDay[] = ['morning', 'noon', 'evening', 'bedtime'];
  const someDose = (m: Match, most: number) => {
    const n = numbers(m);
    return n.every((x) => x <= most) && n.some((x) => x > 0);
  };
  const perGrid = (m: Match, unit?: string) => {
    const doses: ScheduledDose[] = [];
    numbers(m).forEach((n, i) => {
      if (n > 0) doses.push({ label: labels[i] ?? 'bedtime', count: fixed(n), text: m.text, ...(unit ? { unit } : {}) });
    });
    return doses;
  };
  const doses = [
    ...s.take(GRID_AMOUNT, (m) => someDose(m, MAX_GRID_AMOUNT)).flatMap((m) => perGrid(m, m.groups.u)),
    ...s.take(GRID, (m) => someDose(m, MAX_COUNT)).flatMap((m) => perGrid(m)),
  ];
  const countOf = (m: Match) => rangeIn(m, 'c')?.interval ?? (m.groups.w ? fixed(COUNT_WORDS[m.groups.w] ?? NaN) : undefined);
  const accept = (m: Match) => (countOf(m)?.high ?? Infinity) <= MAX_COUNT;
  for (const [label, counted] of COUNTED_TIME) {
    for (const m of s.take(counted, accept)) {
      const c = countOf(m);
      if (c) doses.push({ label, count: c, text: m.text });
    }
  }
  return doses;
}
