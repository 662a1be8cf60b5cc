/**
 * Reads one free-text medication line: strength, count, frequency and route. It never throws and
 * never guesses silently: what it cannot read, or reads with an assumption, becomes a note.
 * Names are left in `nameRuns` for the knowledge base to recognise (see resolve/).
 */
import { NUMBER_WORDS } from './numbers.js';
import { Scanner, type Match } from './scanner.js';
import { tokenize } from './tokens.js';
import type { Amount, Count, Frequency, IntakeNote, Interval, ParsedLine, Route } from './types.js';
import {
  abbr,
  alt,
  FORM_WORD,
  MAXIMUM,
  PER_DAY,
  PER_SESSION,
  PRN,
  RANGE,
  ROUTE_IV,
  ROUTE_ORAL,
  TIMES_OF_DAY,
  TIMES_WORD,
  UNIT,
  unitOf,
} from './vocabulary.js';

const DAY = alt('dag', 'day', 'daags', 'daily', 'etmaal', '24 uur', '24 hours', '24 h', 'dd');
const WEEK = alt('week', 'weken', 'weeks', 'wk');
const MONTH = alt('maand', 'month');
const PER = `(?:(?:per|a|in|in de|\\/|each|every|elke|iedere) )?`;

function numbers(m: Match): number[] {
  return m.tokens.flatMap((t) => (t.kind === 'number' && t.value !== undefined ? [t.value] : []));
}

/** The interval written in group `name` of a match, taking numbers from `from` on. */
function rangeIn(m: Match, name: string, from = 0): { interval: Interval; used: number } | undefined {
  const group = m.groups[name];
  if (group === undefined) return undefined;
  const used = (group.match(/#/g) ?? []).length;
  const values = numbers(m).slice(from, from + used);
  const [low, high = low] = values;
  if (low === undefined || high === undefined) return undefined;
  return { interval: { low: Math.min(low, high), high: Math.max(low, high) }, used };
}

function timesIn(m: Match): Interval | undefined {
  if (m.groups.word !== undefined) {
    const first = m.groups.word.split(' ')[0] ?? '';
    const n = NUMBER_WORDS[first];
    return n === undefined ? undefined : { low: n, high: n };
  }
  return rangeIn(m, 't')?.interval ?? rangeIn(m, 'n')?.interval;
}

const scale = (i: Interval, f: number): Interval => ({ low: i.low * f, high: i.high * f });
const same = (a: Interval, b: Interval) => Math.abs(a.low - b.low) < 1e-9 && Math.abs(a.high - b.high) < 1e-9;

interface Candidate {
  perDay: Interval;
  text: string;
}

/** Regular frequencies, most specific first; each returns times per day. */
const REGULAR: { pattern: string; perDay: (m: Match) => Interval | undefined; count?: boolean }[] = [
  // Dutch pharmacy notation: 1dd1, 3dd2, 1 d.d. 1 (times per day, then units per time)
  {
    pattern: `(?<t>${RANGE}) (?:dd|d \\. d \\.|d d)(?: (?<c>${RANGE})(?! (?:x|×|\\*|maal|keer|times)(?: |$))(?: ${FORM_WORD})?)?`,
    perDay: (m) => rangeIn(m, 't')?.interval,
    count: true,
  },
  { pattern: `(?<t>${RANGE}) ?(?:x|×|\\*|maal|keer|times) ${PER}${DAY}`, perDay: (m) => rangeIn(m, 't')?.interval },
  { pattern: `(?<word>${TIMES_WORD}) ${PER}${DAY}`, perDay: timesIn },
  { pattern: alt('bid', abbr('b.i.d.'), 'bd', abbr('b.d.')), perDay: () => ({ low: 2, high: 2 }) },
  { pattern: alt('tid', abbr('t.i.d.'), 'tds', abbr('t.d.s.')), perDay: () => ({ low: 3, high: 3 }) },
  { pattern: alt('qid', abbr('q.i.d.'), 'qds', abbr('q.d.s.')), perDay: () => ({ low: 4, high: 4 }) },
  { pattern: alt('od', abbr('o.d.'), 'qd', abbr('q.d.'), 'sid', abbr('s.i.d.'), 'once daily', 'once a day', 'q24h', 'q 24 h'), perDay: () => ({ low: 1, high: 1 }) },
  {
    pattern: `(?:q|every|elke|iedere|om de) ?(?<h>#) ?(?:h|hr|hrs|hours|hour|uur|u)`,
    perDay: (m) => {
      const h = numbers(m)[0];
      return h && h > 0 ? { low: 24 / h, high: 24 / h } : undefined;
    },
  },
  { pattern: `(?<t>${RANGE}) ?(?:x|×|\\*|maal|keer|times) ${PER}${WEEK}`, perDay: (m) => scale(rangeIn(m, 't')?.interval ?? { low: NaN, high: NaN }, 1 / 7) },
  { pattern: `(?<word>${TIMES_WORD}) ${PER}${WEEK}`, perDay: (m) => { const t = timesIn(m); return t && scale(t, 1 / 7); } },
  { pattern: alt('tiw', abbr('t.i.w.'), 'three times weekly', 'driemaal wekelijks'), perDay: () => ({ low: 3 / 7, high: 3 / 7 }) },
  { pattern: alt('weekly', 'wekelijks', 'per week', 'elke week', 'iedere week', 'every week', 'once weekly', 'a week'), perDay: () => ({ low: 1 / 7, high: 1 / 7 }) },
  {
    pattern: alt('om de (?:andere )?dag', 'every other day', 'every second day', 'alternate days', 'on alternate days', 'qod', abbr('q.o.d.'), 'eod', abbr('e.o.d.'), 'om de twee dagen'),
    perDay: () => ({ low: 0.5, high: 0.5 }),
  },
  {
    pattern: `(?:om de|elke|iedere|every) (?<d>#) ?(?:dagen|days)`,
    perDay: (m) => {
      const d = numbers(m)[0];
      return d && d > 0 ? { low: 1 / d, high: 1 / d } : undefined;
    },
  },
  { pattern: `(?<t>${RANGE}) ?(?:x|×|maal|keer|times) ${PER}${MONTH}`, perDay: (m) => scale(rangeIn(m, 't')?.interval ?? { low: NaN, high: NaN }, 1 / 30) },
  { pattern: alt('maandelijks', 'monthly', 'per maand', 'once a month', 'elke maand', 'every month'), perDay: () => ({ low: 1 / 30, high: 1 / 30 }) },
];

function amountFrom(m: Match, rangeGroup: string, from: number): Amount | undefined {
  const r = rangeIn(m, rangeGroup, from);
  const unit = unitOf(m.groups.u ?? '');
  if (!r || !unit) return undefined;
  return { ...scale(r.interval, unit.factor), unit: unit.unit, text: m.text };
}

export function parseLine(input: string): ParsedLine {
  const tokens = tokenize(input);
  const s = new Scanner(input, tokens);
  const notes: IntakeNote[] = [];
  for (const t of tokens) {
    if (t.kind === 'number' && t.alternative !== undefined && t.value !== undefined) {
      notes.push({ code: 'ambiguous-number', text: t.text, read: t.value, other: t.alternative });
    }
  }

  const routes: { value: Route; text: string }[] = [
    ...s.take(ROUTE_IV).map((m) => ({ value: 'iv' as const, text: m.text })),
    ...s.take(ROUTE_ORAL).map((m) => ({ value: 'oral' as const, text: m.text })),
  ];

  const sessions = s.take(`(?:(?<t>${RANGE}) ?(?:x|maal|keer|times) )?${PER_SESSION}`);
  const prnMarks = s.take(PRN);
  const maxima = s.take(
    `${MAXIMUM} (?<r>${RANGE})(?: ?(?:x|×|keer|maal|times))?(?: (?<fw>${FORM_WORD}))?(?: (?<u>${UNIT}))? ${PER}${DAY}`,
  );

  const regular: Candidate[] = [];
  let countFromFrequency: Count | undefined;
  for (const { pattern, perDay, count } of REGULAR) {
    for (const m of s.take(pattern, (m) => perDay(m) !== undefined)) {
      const value = perDay(m);
      if (value && Number.isFinite(value.low)) regular.push({ perDay: value, text: m.text });
      if (count) {
        const c = rangeIn(m, 'c', rangeIn(m, 't')?.used ?? 0);
        if (c) countFromFrequency = { ...c.interval, text: m.text };
      }
    }
  }

  const strengths: Amount[] = [];
  const counts: Count[] = countFromFrequency ? [countFromFrequency] : [];
  for (const m of s.take(`(?<c>${RANGE}) (?:x|×|\\*) (?<s>${RANGE}) (?<u>${UNIT})`)) {
    const c = rangeIn(m, 'c');
    const a = amountFrom(m, 's', c?.used ?? 0);
    if (c) counts.push({ ...c.interval, text: m.text });
    if (a) strengths.push(a);
  }
  for (const m of s.take(
    `(?<c>${RANGE}) ${FORM_WORD} (?:(?:van|of|a|@|met|with|each|elk|ieder|per stuk|containing|bevattend) )?(?<s>${RANGE}) (?<u>${UNIT})`,
  )) {
    const c = rangeIn(m, 'c');
    const a = amountFrom(m, 's', c?.used ?? 0);
    if (c) counts.push({ ...c.interval, text: m.text });
    if (a) strengths.push(a);
  }
  for (const m of s.take(`(?<s>${RANGE}) (?<u>${UNIT})(?: (?:\\/|per|per stuk|each|a) ${FORM_WORD})?`)) {
    const a = amountFrom(m, 's', 0);
    if (a) strengths.push(a);
  }
  for (const m of s.take(`(?<c>${RANGE}) ${FORM_WORD}`)) {
    const c = rangeIn(m, 'c');
    if (c) counts.push({ ...c.interval, text: m.text });
  }

  const timesOfDay = Object.entries(TIMES_OF_DAY).flatMap(([label, pattern]) =>
    s.take(pattern).map((m) => ({ label, text: m.text })),
  );
  const dailyWords = s.take(PER_DAY);

  // Frequency: one reading, or a note that the line says several things.
  let frequency: Frequency | undefined;
  const distinct = regular.filter((c, i) => regular.findIndex((o) => same(o.perDay, c.perDay)) === i);
  const sessionCount = sessions.map((m) => rangeIn(m, 't')?.interval ?? { low: 1, high: 1 });
  if (distinct.length + (sessions.length > 0 ? 1 : 0) > 1) {
    notes.push({ code: 'several-frequencies', texts: [...regular.map((c) => c.text), ...sessions.map((m) => m.text)] });
  } else if (sessions.length > 0) {
    frequency = { kind: 'per-session', perSession: sessionCount[0] ?? { low: 1, high: 1 }, text: sessions.map((m) => m.text).join(' ') };
  } else if (distinct[0]) {
    frequency = { kind: 'regular', perDay: distinct[0].perDay, text: distinct[0].text };
  } else {
    const labels = new Set(timesOfDay.map((t) => t.label));
    if (labels.size > 0) {
      frequency = { kind: 'regular', perDay: { low: labels.size, high: labels.size }, text: timesOfDay.map((t) => t.text).join(', ') };
    } else if (dailyWords.length > 0) {
      frequency = { kind: 'regular', perDay: { low: 1, high: 1 }, text: dailyWords[0]?.text ?? '' };
    }
  }

  if (prnMarks.length > 0 || maxima.length > 0) {
    const text = [...prnMarks, ...maxima].map((m) => m.text).join(', ');
    const max = maxima[0];
    if (max) {
      const r = rangeIn(max, 'r');
      const unit = unitOf(max.groups.u ?? '');
      if (r && unit) {
        // "max 500 mg per dag": a maximum amount, checked as one administration of that amount.
        strengths.splice(0, strengths.length, { ...scale({ low: r.interval.high, high: r.interval.high }, unit.factor), unit: unit.unit, text: max.text });
        counts.splice(0, counts.length);
        frequency = { kind: 'prn', max: { perDay: { low: 1, high: 1 }, of: 'administrations' }, text };
      } else if (r) {
        frequency = { kind: 'prn', max: { perDay: { low: r.interval.high, high: r.interval.high }, of: max.groups.fw ? 'units' : 'administrations' }, text };
      }
    } else if (frequency?.kind === 'regular') {
      frequency = { kind: 'prn', max: { perDay: { low: frequency.perDay.high, high: frequency.perDay.high }, of: 'administrations' }, text: `${text}, ${frequency.text}` };
    } else {
      frequency = { kind: 'prn', text };
      notes.push({ code: 'prn-without-maximum' });
    }
  }

  if (new Set(strengths.map((a) => `${a.low}-${a.high}-${a.unit}`)).size > 1) {
    notes.push({ code: 'several-strengths', texts: strengths.map((a) => a.text) });
  }
  if (new Set(counts.map((c) => `${c.low}-${c.high}`)).size > 1) {
    notes.push({ code: 'several-counts', texts: counts.map((c) => c.text) });
  }
  const routeValues = new Set(routes.map((r) => r.value));

  const parsed: ParsedLine = { input, tokens, nameRuns: s.untakenRuns(), timing: timesOfDay, notes };
  if (strengths.length > 0 && !notes.some((n) => n.code === 'several-strengths')) parsed.strength = strengths[0];
  if (counts.length > 0 && !notes.some((n) => n.code === 'several-counts')) parsed.count = counts[0];
  if (frequency) parsed.frequency = frequency;
  if (routeValues.size === 1 && routes[0]) parsed.route = { value: routes[0].value, text: routes.map((r) => r.text).join(', ') };
  return parsed;
}
