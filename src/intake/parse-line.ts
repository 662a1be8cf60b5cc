/**
 * Reads one free-text medication line: strength, count, frequency and route. It never throws and
 * never guesses silently: what it cannot read, or reads with an assumption, becomes a note.
 * Names are left in `nameRuns` for the knowledge base to recognise (see resolve/).
 */
import { COUNT_WORDS, NUMBER_WORDS } from './numbers.js';
import { Scanner, type Match } from './scanner.js';
import { tokenize } from './tokens.js';
import type { Amount, Count, Frequency, IntakeNote, Interval, ParsedLine, Route } from './types.js';
import {
  abbr,
  alt,
  FORM_WORD,
  MAXIMUM,
  NON_SESSION,
  PER_DAY,
  PER_SESSION,
  PRN,
  PRN_EXTRA,
  RANGE,
  ROUTE_IV,
  ROUTE_ORAL,
  TIMES_OF_DAY,
  TIMES_WORD,
  UNIT,
  unitOf,
  VAGUE,
  WEEKDAY,
  WEEKDAYS,
} from './vocabulary.js';

const DAY = alt('dag', 'day', 'daags', 'daily', 'etmaal', '24 uur', '24 hours', '24 h', 'dd', 'nacht', 'night');
const WEEK = alt('week', 'weken', 'weeks', 'wk');
const MONTH = alt('maand', 'maanden', 'month', 'months');
const PER = `(?:(?:per|a|in|in de|\\/|each|every|elke|iedere) )?`;
const TIMES = '(?:x|×|\\*|maal|keer|times)';
const HOUR = alt('h', 'hr', 'hrs', 'hour', 'hours', 'uur', 'u');
/** A count of units written next to a time of day is at most this; larger numbers are not counts. */
const MAX_COUNT = 10;

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

/** The last number of a match ("every 2 weeks" → 2), when it is positive. */
function lastNumber(m: Match): number | undefined {
  const n = numbers(m).at(-1);
  return n !== undefined && n > 0 ? n : undefined;
}

const scale = (i: Interval, f: number): Interval => ({ low: i.low * f, high: i.high * f });
const fixed = (n: number): Interval => ({ low: n, high: n });
const same = (a: Interval, b: Interval) => Math.abs(a.low - b.low) < 1e-9 && Math.abs(a.high - b.high) < 1e-9;
const weekdaysIn = (m: Match) => new Set(m.tokens.flatMap((t) => (t.norm in WEEKDAYS ? [WEEKDAYS[t.norm]] : [])));

interface Candidate {
  perDay: Interval;
  text: string;
}

/** Regular frequencies, most specific first; each returns times per day. */
const REGULAR: { pattern: string; perDay: (m: Match) => Interval | undefined; count?: boolean }[] = [
  // Dutch pharmacy notation: 1dd1, 3dd2, 1 d.d. 1 (times per day, then units per time)
  {
    pattern: `(?<t>${RANGE}) (?:dd|d \\. d \\.|d d)(?: (?<c>${RANGE})(?! (?:x|×|\\*|maal|keer|times|${UNIT})(?: |$))(?: ${FORM_WORD})?)?`,
    perDay: (m) => rangeIn(m, 't')?.interval,
    count: true,
  },
  // "1x per 4 weken", "2 keer per 3 maanden"
  { pattern: `(?<t>${RANGE}) ?${TIMES} (?:per|in|every|elke|iedere|om de) # ${WEEK}`, perDay: (m) => { const w = lastNumber(m); const t = rangeIn(m, 't')?.interval; return w !== undefined && t ? scale(t, 1 / (7 * w)) : undefined; } },
  { pattern: `(?<t>${RANGE}) ?${TIMES} (?:per|in|every|elke|iedere|om de) # ${MONTH}`, perDay: (m) => { const w = lastNumber(m); const t = rangeIn(m, 't')?.interval; return w !== undefined && t ? scale(t, 1 / (30 * w)) : undefined; } },
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
  {
    pattern: `(?:om de|elke|iedere|every) (?<d>#) ?(?:dagen|days)`,
    perDay: (m) => {
      const d = numbers(m)[0];
      return d && d > 0 ? fixed(1 / d) : undefined;
    },
  },
  { pattern: `(?<t>${RANGE}) ?${TIMES} ${PER}${MONTH}`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && scale(t, 1 / 30); } },
  { pattern: alt('maandelijks', 'monthly', 'per maand', 'once a month', 'elke maand', 'every month'), perDay: () => fixed(1 / 30) },
  // "1 or 2 a day", "2 per dag", "1 daily": times a day without "x"
  { pattern: `(?<t>${RANGE}) (?:(?:a|per|\\/) (?:day|dag)|daily|dagelijks)`, perDay: (m) => { const t = rangeIn(m, 't')?.interval; return t && t.high <= MAX_COUNT ? t : undefined; } },
  // "ma/wo/vr", "Mon, Wed and Fri", "op maandag": the days named, out of seven
  {
    pattern: `(?:(?:op|on|elke|iedere|every) )?${WEEKDAY}(?: (?:\\/|,|-|en|and|&|\\+) ${WEEKDAY})*`,
    perDay: (m) => {
      const days = weekdaysIn(m);
      const prefixed = /^(?:op|on|elke|iedere|every)$/.test(m.tokens[0]?.norm ?? '');
      return days.size >= 2 || prefixed ? fixed(days.size / 7) : undefined;
    },
  },
];

function amountFrom(m: Match, rangeGroup: string, from: number): Amount | undefined {
  const r = rangeIn(m, rangeGroup, from);
  const unit = unitOf(m.groups.u ?? '');
  if (!r || !unit) return undefined;
  return { ...scale(r.interval, unit.factor), unit: unit.unit, text: m.text };
}

/** "2 tabletten bij het avondeten en 1 voor het slapen": units per time of day. */
interface ScheduledDose {
  label: string;
  count: Interval;
  text: string;
}

function scheduledDoses(s: Scanner): ScheduledDose[] {
  // "1-0-1", "1-1-1-1": morning, noon, evening (and bedtime), as in Belgian and Dutch prescriptions
  const grid = s.take('# - # - #(?: - #)?', (m) => numbers(m).every((n) => n <= MAX_COUNT) && numbers(m).some((n) => n > 0));
  const labels = ['morning', 'noon', 'evening', 'bedtime'];
  const doses = grid.flatMap((m) =>
    numbers(m).flatMap((n, i) => (n > 0 ? [{ label: labels[i] ?? 'bedtime', count: fixed(n), text: m.text }] : [])),
  );
  for (const [label, pattern] of Object.entries(TIMES_OF_DAY)) {
    const accept = (m: Match) => (rangeIn(m, 'c')?.interval.high ?? Infinity) <= MAX_COUNT;
    for (const m of s.take(`(?<c>${RANGE})(?: ${FORM_WORD})? (?:${pattern})`, accept)) {
      const c = rangeIn(m, 'c');
      if (c) doses.push({ label, count: c.interval, text: m.text });
    }
  }
  return doses;
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

  // Dates and years say when it started, not how much: "sinds 2019", "gestart 12-03-2024".
  s.take(
    `(?:${alt('sinds', 'since', 'vanaf', 'from', 'started', 'start', 'gestart', 'begonnen', 'begun')}(?: (?:in|op|on))? )?(?:# (?:-|\\/) # (?:-|\\/) #|#)`,
    (m) => {
      const n = numbers(m);
      const year = n.at(-1) ?? 0;
      return year >= 1950 && year <= 2100 && (n.length === 3 || m.tokens.length > 1);
    },
  );
  // Doses that are not a strength: "? mg" left blank, "1000 units/hour" a rate.
  for (const m of s.take(`(?:\\?(?: \\?)*|\\. \\. \\.|…) (?:${UNIT})`)) notes.push({ code: 'unknown-strength', text: m.text });
  // "Vitamine C mg 1dd1": "mg" after a name, with no number in front of it, is a missing strength, not magnesium
  const afterWord = (m: Match) => {
    const first = m.tokens[0];
    const i = first ? tokens.indexOf(first) : -1;
    return i > 0 && tokens[i - 1]?.kind === 'word';
  };
  for (const m of s.take('mg', afterWord)) notes.push({ code: 'unknown-strength', text: m.text });
  const rates = s.take(`${RANGE} (?:${UNIT}) (?:\\/|per|an|a) ${HOUR}`);
  for (const m of rates) notes.push({ code: 'rate-per-hour', text: m.text });
  const strengths: Amount[] = [];
  for (const m of s.take(`(?<s>${RANGE}) (?<u>${UNIT}) ?(?:\\/|per) ?${alt('kg', 'kilo', 'kilogram')}(?: ${alt('lichaamsgewicht', 'body weight', 'bw', 'lg')})?`)) {
    const a = amountFrom(m, 's', 0);
    if (a) strengths.push({ ...a, perKg: true });
  }

  const offDays = s.take(NON_SESSION);
  const sessions = s.take(`(?:(?<t>${RANGE}) ?(?:x|maal|keer|times) )?${PER_SESSION}`);
  const prnExtra = s.take(PRN_EXTRA);
  const prnMarks = s.take(PRN);
  const maxima = s.take(
    `${MAXIMUM} (?<r>${RANGE})(?: ?(?:x|×|keer|maal|times))?(?: (?<fw>${FORM_WORD}))?(?: (?<u>${UNIT}))? ${PER}${DAY}`,
  );
  const vague = s.take(`${VAGUE} ${PER}(?:${DAY}|${WEEK}|${MONTH})`);
  const exceptDays = s.take(`${alt('behalve', 'except', 'except on', 'not on', 'niet op', 'uitgezonderd', 'excl', abbr('excl.'))}(?: (?:op|on|de|the))? ${WEEKDAY}(?: (?:\\/|,|en|and|or|of|&) ${WEEKDAY})*`);

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

  const schedule = scheduledDoses(s);
  const counts: Count[] = countFromFrequency ? [countFromFrequency] : [];
  // "200mg-300mg", "1 g tot 2 g": a range written with its unit twice
  for (const m of s.take(`# (?<u>${UNIT}) (?:-|–|tot|to) # (?<u2>${UNIT})`, (m) => m.groups.u === m.groups.u2)) {
    const unit = unitOf(m.groups.u ?? '');
    const [low, high] = numbers(m);
    if (unit && low !== undefined && high !== undefined) {
      strengths.push({ low: Math.min(low, high) * unit.factor, high: Math.max(low, high) * unit.factor, unit: unit.unit, text: m.text });
    }
  }
  // "400/800 IU": two strengths, not one
  for (const m of s.take(`(?<a>#) \\/ (?<b>#) (?<u>${UNIT})`)) {
    const a = amountFrom(m, 'a', 0);
    const b = amountFrom(m, 'b', 1);
    if (a && b) strengths.push(a, b);
  }
  for (const m of s.take(`(?<c>${RANGE}) (?:x|×|\\*) (?<s>${RANGE}) (?<u>${UNIT})`)) {
    const c = rangeIn(m, 'c');
    const a = amountFrom(m, 's', c?.used ?? 0);
    if (c) counts.push({ ...c.interval, text: m.text });
    if (a) strengths.push(a);
  }
  for (const m of s.take(
    `(?<c>${RANGE}) ${FORM_WORD} (?:\\( )?(?:(?:van|of|a|@|met|with|each|elk|ieder|per stuk|containing|bevattend) )?(?<s>${RANGE}) (?<u>${UNIT})`,
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
  // "twee tabletten", "half a tablet", "een halve tablet"
  for (const m of s.take(`(?<w>${alt(...Object.keys(COUNT_WORDS))}) ${FORM_WORD}`)) {
    const n = COUNT_WORDS[m.groups.w ?? ''];
    if (n !== undefined) counts.push({ ...fixed(n), text: m.text });
  }

  const timesOfDay = [
    ...schedule.map((d) => ({ label: d.label, text: d.text })),
    ...Object.entries(TIMES_OF_DAY).flatMap(([label, pattern]) => s.take(pattern).map((m) => ({ label, text: m.text }))),
  ];
  const dailyWords = s.take(PER_DAY);

  // One counted time of day is a count ("2 tabletten 's avonds"); several make a schedule.
  if (schedule.length === 1 && schedule[0]) counts.push({ ...schedule[0].count, text: schedule[0].text });
  const scheduled = schedule.length > 1 ? schedule : [];

  // Frequency: one reading, or a note that the line says several things.
  let frequency: Frequency | undefined;
  let bare: Match | undefined;
  let distinct = regular.filter((c, i) => regular.findIndex((o) => same(o.perDay, c.perDay)) === i);
  const sessionCount = sessions.map((m) => rangeIn(m, 't')?.interval ?? fixed(1));
  const weekly = distinct.length === 1 && distinct[0] && distinct[0].perDay.high < 1 ? distinct[0] : undefined;
  // "3 times a week after dialysis", "na elke dialyse (4x per week)": the line gives the sessions
  const sessionsStated = sessions.length > 0 && weekly !== undefined && sessionCount.every((c) => c.high === 1);
  // "daily or every other day": a plain "daily" next to a frequency of less than once a day
  // ... or next to a dose per session ("300 mg daily + 300 mg after dialysis")
  const dailyConflict = dailyWords.length > 0 && (weekly !== undefined || (sessions.length > 0 && !sessionsStated));
  const scheduleConflict = scheduled.length > 0 && distinct.some((c) => !same(c.perDay, fixed(scheduled.length)));
  if (scheduled.length > 0) distinct = [];
  const readings = distinct.length + (sessions.length > 0 && !sessionsStated ? 1 : 0) + (scheduled.length > 0 ? 1 : 0);

  if (rates.length > 0) {
    // The rate is the dose; how long it runs is not on the line.
  } else if (prnExtra.length > 0) {
    notes.push({ code: 'prn-extra' });
  } else if (vague[0]) {
    notes.push({ code: 'vague-frequency', text: vague[0].text });
  } else if (readings + timesOfDay.length + dailyWords.length === 0 && (bare = s.take(VAGUE)[0])) {
    // A bare "soms" is the frequency only when nothing else says how often; otherwise it stays unread.
    notes.push({ code: 'vague-frequency', text: bare.text });
  } else if (readings > 1 || dailyConflict || scheduleConflict) {
    const texts = [...regular.map((c) => c.text), ...sessions.map((m) => m.text), ...scheduled.map((d) => d.text), ...(dailyConflict ? dailyWords.map((m) => m.text) : [])];
    notes.push({ code: 'several-frequencies', texts });
  } else if (offDays.length > 0) {
    const text = [...distinct.map((c) => c.text), ...dailyWords.map((m) => m.text), ...offDays.map((m) => m.text)].join(', ');
    if (sessions.length > 0 || distinct.length > 1) notes.push({ code: 'several-frequencies', texts: [text] });
    else frequency = { kind: 'non-session', perOffDay: distinct[0]?.perDay ?? fixed(1), text };
  } else if (sessionsStated && weekly) {
    frequency = { kind: 'regular', perDay: weekly.perDay, text: [weekly.text, ...sessions.map((m) => m.text)].join(', ') };
  } else if (sessions.length > 0) {
    frequency = { kind: 'per-session', perSession: sessionCount[0] ?? fixed(1), text: sessions.map((m) => m.text).join(' ') };
  } else if (scheduled.length > 0) {
    const unitsPerDay = scheduled.reduce((sum, d) => ({ low: sum.low + d.count.low, high: sum.high + d.count.high }), fixed(0));
    // The largest single administration is what a single-dose limit is checked against.
    const unitsPerTime = fixed(Math.max(...scheduled.map((d) => d.count.high)));
    frequency = { kind: 'schedule', perDay: fixed(scheduled.length), unitsPerDay, unitsPerTime, text: [...new Set(scheduled.map((d) => d.text))].join(', ') };
  } else if (distinct[0]) {
    frequency = { kind: 'regular', perDay: distinct[0].perDay, text: distinct[0].text };
  } else {
    const labels = new Set(timesOfDay.map((t) => t.label));
    if (labels.size > 0) {
      frequency = { kind: 'regular', perDay: fixed(labels.size), text: timesOfDay.map((t) => t.text).join(', ') };
    } else if (dailyWords.length > 0) {
      frequency = { kind: 'regular', perDay: fixed(1), text: dailyWords[0]?.text ?? '' };
    }
  }

  // "daily except Sundays": the days left out of the week
  const excluded = new Set(exceptDays.flatMap((m) => [...weekdaysIn(m)]));
  if (excluded.size > 0 && (frequency?.kind === 'regular' || frequency?.kind === 'schedule')) {
    const share = (7 - excluded.size) / 7;
    const text = `${frequency.text}, ${exceptDays.map((m) => m.text).join(', ')}`;
    frequency = frequency.kind === 'regular'
      ? { ...frequency, perDay: scale(frequency.perDay, share), text }
      : { ...frequency, perDay: scale(frequency.perDay, share), unitsPerDay: scale(frequency.unitsPerDay, share), text };
  }

  if ((prnMarks.length > 0 || maxima.length > 0) && prnExtra.length === 0 && rates.length === 0) {
    const text = [...prnMarks, ...maxima].map((m) => m.text).join(', ');
    const max = maxima[0];
    if (max) {
      const r = rangeIn(max, 'r');
      const unit = unitOf(max.groups.u ?? '');
      if (r && unit) {
        // "max 60 ml per dag": an amount a day, in the unit written.
        frequency = { kind: 'prn', max: { amount: r.interval.high * unit.factor, unit: unit.unit }, text };
      } else if (r) {
        frequency = { kind: 'prn', max: { perDay: fixed(r.interval.high), of: max.groups.fw ? 'units' : 'administrations' }, text };
      }
    } else if (frequency?.kind === 'regular' || frequency?.kind === 'schedule') {
      frequency = { kind: 'prn', max: { perDay: fixed(frequency.perDay.high), of: 'administrations' }, text: `${text}, ${frequency.text}` };
    } else if (!notes.some((n) => n.code === 'several-frequencies' || n.code === 'vague-frequency')) {
      frequency = { kind: 'prn', text };
      notes.push({ code: 'prn-without-maximum' });
    }
  }

  // Two strengths on a line, even equal ones ("300 mg daily + 300 mg after dialysis"), are two doses.
  if (strengths.length > 1) {
    notes.push({ code: 'several-strengths', texts: strengths.map((a) => a.text) });
  }
  if (new Set(counts.map((c) => `${c.low}-${c.high}`)).size > 1) {
    notes.push({ code: 'several-counts', texts: counts.map((c) => c.text) });
  }
  const routeValues = new Set(routes.map((r) => r.value));

  const parsed: ParsedLine = { input, tokens, nameRuns: s.untakenRuns(), timing: timesOfDay, notes };
  if (strengths.length > 0 && !notes.some((n) => n.code === 'several-strengths')) parsed.strength = strengths[0];
  if (counts.length > 0 && !notes.some((n) => n.code === 'several-counts') && scheduled.length === 0) parsed.count = counts[0];
  if (frequency) parsed.frequency = frequency;
  if (routeValues.size === 1 && routes[0]) parsed.route = { value: routes[0].value, text: routes.map((r) => r.text).join(', ') };
  return parsed;
}
