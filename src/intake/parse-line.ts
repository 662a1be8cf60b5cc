/**
 * Reads one free-text medication line: strength, count, frequency and route. It never throws and
 * never guesses silently: what it cannot read, or reads with an assumption, becomes a note.
 * Names are left in `nameRuns` for the knowledge base to recognise (see resolve/).
 */
import { readFrequency } from './frequency.js';
import { DAY, DURATION_UNIT, HOUR, MAX_PACK_COUNT, MONTH, PER, REGULAR, scheduledDoses, WEEK, type Candidate } from './frequency-patterns.js';
import { amountFrom, fixed, numbers, rangeIn } from './match-helpers.js';
import { COUNT_WORDS } from './numbers.js';
import { pattern, Scanner, type Match } from './scanner.js';
import { tokenize } from './tokens.js';
import type { Amount, Count, IntakeNote, ParsedLine, Route, TimeOfDay, Token } from './types.js';
import {
  abbr,
  alt,
  AS_DIRECTED,
  COURSE,
  EPISODE_REPEAT,
  FORM_WORD,
  MAXIMUM,
  NON_SESSION,
  ONE_OFF,
  PER_DAY,
  PER_SESSION,
  PRN,
  PRESCRIBED,
  PRN_EXTRA,
  RANGE,
  ROUTE_IM,
  ROUTE_INHALED,
  ROUTE_INJECTION,
  ROUTE_IV,
  ROUTE_ORAL,
  ROUTE_RECTAL,
  ROUTE_SC,
  ROUTE_TOPICAL,
  ROUTE_TRANSDERMAL,
  TIMES_OF_DAY,
  UNIT,
  unitOf,
  VAGUE,
  WEEKDAY,
  WITH_FOOD,
} from './vocabulary.js';

/** "sinds", "gestart op": what makes a number that follows a date rather than an amount. */
const SINCE = `${alt('sinds', 'since', 'vanaf', 'started', 'gestart', 'begonnen', 'begun')}(?: (?:in|op|on))?`;

/** Every pattern of a line, compiled once; the order they are taken in is the order in parseLine. */
const P = {
  routes: ([
    ['sc', ROUTE_SC], ['im', ROUTE_IM], ['iv', ROUTE_IV], ['transdermal', ROUTE_TRANSDERMAL],
    ['inhaled', ROUTE_INHALED], ['rectal', ROUTE_RECTAL], ['topical', ROUTE_TOPICAL], ['oral', ROUTE_ORAL],
  ] as const).map(([value, source]) => [value, pattern(source)] as const),
  injection: pattern(ROUTE_INJECTION),
  prescribed: pattern(PRESCRIBED),
  // A year alone is a date only after "sinds" and its like: a number on its own is not tried at all.
  date: pattern(
    `(?:(?:${SINCE} )?# (?:-|\\/) # (?:-|\\/) #|${SINCE} #)(?! (?:${UNIT}|${FORM_WORD}|x|×|maal|keer|times)(?: |$))`,
  ),
  clock: pattern(`(?:(?:om|at|rond|around) )?# : #(?: (?:uur|u|h))?|(?:om|at|rond|around) #(?: (?:uur|u|h|am|pm|a \\. m \\.|p \\. m \\.))?|# (?:am|pm|a \\. m \\.|p \\. m \\.)`),
  blankStrength: pattern(`(?:\\?(?: \\?)*|\\. \\. \\.|…) (?:${UNIT})`),
  bareMg: pattern('mg'),
  rate: pattern(`${RANGE} (?:${UNIT}) (?:\\/|per|an|a) ${HOUR}`),
  concentration: pattern(`(?<s>#) (?<u>${UNIT}) ?(?:\\/|per|in) ?(?<v>#)? ?(?:ml|milliliter|millilitre)`),
  perKg: pattern(`(?<s>${RANGE}) (?<u>${UNIT}) ?(?:\\/|per) ?${alt('kg', 'kilo', 'kilogram')}(?: ${alt('lichaamsgewicht', 'body weight', 'bw', 'lg')})?`),
  offDays: pattern(NON_SESSION),
  sessions: pattern(`(?:(?<t>${RANGE}) ?(?:x|maal|keer|times) )?${PER_SESSION}`),
  prnExtra: pattern(PRN_EXTRA),
  prn: pattern(PRN),
  maxima: pattern(`${MAXIMUM} (?<r>${RANGE})(?: ?(?:x|×|keer|maal|times))?(?: (?<fw>${FORM_WORD}))?(?: (?<u>${UNIT}))? ${PER}${DAY}`),
  // "max 3dd2": at most three times a day, two units each time
  maximaDd: pattern(`${MAXIMUM} (?<r>${RANGE}) (?:dd|d \\. d \\.) (?<c>${RANGE})(?: ${FORM_WORD})?`),
  asDirected: pattern(AS_DIRECTED),
  oneOff: pattern(ONE_OFF),
  course: pattern(COURSE),
  episodeRepeat: pattern(EPISODE_REPEAT),
  vague: pattern(`${VAGUE} ${PER}(?:${DAY}|${WEEK}|${MONTH})`),
  exceptDays: pattern(`${alt('behalve', 'except', 'except on', 'not on', 'niet op', 'uitgezonderd', 'excl', abbr('excl.'))}(?: (?:op|on|de|the))? ${WEEKDAY}(?: (?:\\/|,|en|and|or|of|&) ${WEEKDAY})*`),
  duration: pattern(`(?:${alt('gedurende', 'voor', 'for', 'max', 'maximaal', 'maximum', 'during', 'kuur van', 'sinds', 'since', 'al', 'already', 'nog', 'tot')} )?${RANGE} ${DURATION_UNIT}(?: lang| long)?`),
  withFood: pattern(WITH_FOOD),
  strengthRange: pattern(`# (?<u>${UNIT}) (?:-|–|tot|to) # (?<u2>${UNIT})`),
  twoStrengths: pattern(`(?<a>#) \\/ (?<b>#) (?<u>${UNIT})`),
  countTimesStrength: pattern(`(?<c>${RANGE}) (?:x|×|\\*) (?<s>${RANGE}) (?<u>${UNIT})`),
  countOfStrength: pattern(`(?<c>${RANGE}) ${FORM_WORD} (?:\\( )?(?:(?:van|of|a|@|met|with|each|elk|ieder|per stuk|containing|bevattend) )?(?<s>${RANGE}) (?<u>${UNIT})`),
  strength: pattern(`(?<s>${RANGE}) (?<u>${UNIT})(?: (?:\\/|per|per stuk|each|a) ${FORM_WORD})?`),
  count: pattern(`(?<c>${RANGE}) ${FORM_WORD}`),
  countWord: pattern(`(?<w>${alt(...Object.keys(COUNT_WORDS))}) ${FORM_WORD}`),
  timesOfDay: (Object.entries(TIMES_OF_DAY) as [TimeOfDay, string][]).map(([label, source]) => [label, pattern(source)] as const),
  perDay: pattern(PER_DAY),
};

/** The words after which "1/2" is a range: "times", and plural forms. */
const PLURAL = /^(?:x|×|maal|keer|times|tabletten|tabletjes|capsules|tablets|caps|tabs|zakjes|sachets|stuks|pillen|pills)$/;

/**
 * "1/2 x per dag", "2/3 tabletten": before "times" or a plural form a slash means "1 or 2", not a
 * half; the upper number is read and the note says so.
 */
function slashRanges(tokens: Token[], notes: IntakeNote[]): Token[] {
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    if (t.kind !== 'number' || !/^\d\/\d$/.test(t.text) || !next || !PLURAL.test(next.norm)) return t;
    const high = Number(t.text.slice(2));
    notes.push({ code: 'ambiguous-number', text: t.text, read: high, other: t.value ?? 0 });
    return { ...t, value: high };
  });
}

/** Words that name the session a supplement follows. */
const SESSION_WORDS = new Set(['dialyse', 'dialysis', 'hemodialyse', 'hemodialysis', 'haemodialysis', 'hd', 'sessie', 'session', 'dialysedagen', 'dialysedag', 'dialysebehandeling', 'dialysesessie']);

/** Words that join two parts of one regimen: "200 mg 1dd + 250 mg na elke dialyse". */
const JOINS = new Set(['+', 'plus', 'en', 'and', '&', ',', ';', 'daarnaast', 'additionally']);

/**
 * "Gabapentine 200 mg 1dd + 250 mg na elke dialyse": a daily maintenance dose and a supplement
 * after each session, the regimen of the gabapentinoid labels. Read as two parts when the line
 * splits at a joining word into a part with its own strength and frequency, and a part with a
 * strength given per dialysis session; otherwise the line is read whole (and two strengths stop
 * the dose check).
 */
function splitRegimen(input: string, tokens: Token[]): ParsedLine | undefined {
  // Only the two joining words nearest before the first word of a session are tried: a bounded cost.
  const session = tokens.findIndex((t) => SESSION_WORDS.has(t.norm));
  const joins = tokens.flatMap((t, k) => (k > 0 && k < session && JOINS.has(t.norm) ? [k] : [])).slice(-2).reverse();
  for (const k of joins) {
    const join = tokens[k];
    if (!join) continue;
    // The parts are read from the line's own tokens, so their offsets are the line's. The part after
    // the join is read first: most lines fail there, and then the part before it is not read at all.
    const right = parseParts(input, tokens.slice(k + 1));
    if (right.frequency?.kind !== 'per-session' || !right.strength || right.notes.some((n) => n.code === 'several-strengths')) continue;
    const left = parseParts(input, tokens.slice(0, k));
    if (!left.strength || !left.frequency || left.frequency.kind === 'per-session' || left.notes.some((n) => n.code === 'several-strengths')) continue;
    const rightStart = tokens[k + 1]?.start ?? join.end;
    return {
      ...left,
      input,
      tokens,
      nameRuns: [...left.nameRuns, ...right.nameRuns],
      timing: [...left.timing, ...right.timing],
      notes: [...left.notes, ...right.notes],
      tags: [...new Set([...left.tags, ...right.tags])],
      supplement: { strength: right.strength, ...(right.count ? { count: right.count } : {}), perSession: right.frequency.perSession, text: input.slice(rightStart).trim() },
      ...(left.route ?? right.route ? { route: left.route ?? right.route } : {}),
    };
  }
  return undefined;
}

export function parseLine(input: string): ParsedLine {
  const tokens = tokenize(input);
  const whole = parseParts(input, tokens);
  // A regimen in two parts has one strength in each. Read whole, such a line has two, or one when
  // both parts are dose grids ("100-0-100 mg + 250-0-0 mg"), whose units count once for the line:
  // a line with none, or more than two, cannot split into two such parts and is not read again.
  const strengths = whole.notes.find((n) => n.code === 'several-strengths')?.texts.length ?? (whole.strength ? 1 : 0);
  if (strengths === 0 || strengths > 2 || !tokens.some((t) => SESSION_WORDS.has(t.norm)) || !tokens.some((t) => JOINS.has(t.norm))) return whole;
  return splitRegimen(input, tokens) ?? whole;
}

/** Reads the tokens given, a whole line's or a part's; `input` is the whole line, which their offsets count in. */
function parseParts(input: string, tokenized: Token[]): ParsedLine {
  const notes: IntakeNote[] = [];
  const tokens = slashRanges(tokenized, notes);
  const s = new Scanner(input, tokens);
  for (const t of tokens) {
    if (t.kind === 'number' && t.alternative !== undefined && t.value !== undefined) {
      notes.push({ code: 'ambiguous-number', text: t.text, read: t.value, other: t.alternative });
    }
  }

  const routes: { value: Route; text: string }[] = P.routes.flatMap(([value, p]) => s.take(p).map((m) => ({ value, text: m.text })));
  // An injection is intravenous in a dialysis unit unless the line says under the skin or into a muscle.
  const injections = s.take(P.injection);
  if (injections.length > 0) {
    const given = routes.find((r) => r.value === 'sc' || r.value === 'im' || r.value === 'iv')?.value ?? 'iv';
    routes.push(...injections.map((m) => ({ value: given, text: m.text })));
  }
  const tags = s.take(P.prescribed).length > 0 ? ['prescribed'] : [];

  // Dates and years say when it started, not how much: "sinds 2019", "gestart 12-03-2024".
  s.take(
    P.date,
    (m) => {
      const n = numbers(m);
      const year = n.at(-1) ?? 0;
      return year >= 1950 && year <= 2100;
    },
  );
  // Clock times say when, and count as that time of day: "om 21 uur", "at 9 pm", "20:00".
  const clock: { label: TimeOfDay; text: string }[] = [];
  for (const m of s.take(P.clock)) {
    const [h = NaN] = numbers(m);
    const pm = /p ?\.? ?m/.test(m.text.toLowerCase()) && h < 12;
    const hour = pm ? h + 12 : h;
    if (hour >= 0 && hour < 24) clock.push({ label: hour < 11 ? 'morning' : hour < 16 ? 'noon' : hour < 21 ? 'evening' : 'bedtime', text: m.text });
  }
  // Doses that are not a strength: "? mg" left blank, "1000 units/hour" a rate.
  for (const m of s.take(P.blankStrength)) notes.push({ code: 'unknown-strength', text: m.text });
  // "Vitamine C mg 1dd1": "mg" after a name, with no number in front of it, is a missing strength, not magnesium
  const afterWord = (m: Match) => {
    const first = m.tokens[0];
    const i = first ? tokens.indexOf(first) : -1;
    const before = tokens[i - 1];
    // "Calcium en Mg", "Calcium Mg": the element's symbol, written as such, after "and" or another name
    return first?.text !== 'Mg' && i > 0 && before?.kind === 'word' && !/^(?:en|and|met|with|plus)$/.test(before.norm);
  };
  for (const m of s.take(P.bareMg, afterWord)) notes.push({ code: 'unknown-strength', text: m.text });
  const rates = s.take(P.rate);
  for (const m of rates) notes.push({ code: 'rate-per-hour', text: m.text });
  const strengths: Amount[] = [];
  // "50 mg/ml", "1 mmol per ml", "100 mg/5 ml": a concentration, the amount in one ml
  let concentration: Amount | undefined;
  for (const m of s.take(P.concentration, (m) => unitOf(m.groups.u ?? '')?.unit !== 'ml')) {
    const unit = unitOf(m.groups.u ?? '');
    const [amount = NaN, volume = 1] = numbers(m);
    if (unit && volume > 0) concentration = { ...fixed((amount * unit.factor) / volume), unit: unit.unit, text: m.text };
  }
  for (const m of s.take(P.perKg)) {
    const a = amountFrom(m, 's', 0);
    if (a) strengths.push({ ...a, perKg: true });
  }

  const offDays = s.take(P.offDays);
  const sessions = s.take(P.sessions);
  const prnExtra = s.take(P.prnExtra);
  const prnMarks = s.take(P.prn);
  for (const m of s.take(P.asDirected)) notes.push({ code: 'as-directed', text: m.text });
  // Before "q 4 h" and "x 2": neither says how often a day.
  s.take(P.episodeRepeat);
  s.take(P.course);
  const maxima = [...s.take(P.maximaDd), ...s.take(P.maxima)];
  const vague = s.take(P.vague);
  const exceptDays = s.take(P.exceptDays);

  const regular: Candidate[] = [];
  for (const m of s.take(P.oneOff, (m) => numbers(m).every((n) => n === 1))) regular.push({ perDay: fixed(1), text: m.text, start: m.tokens[0]?.start ?? 0, end: m.tokens.at(-1)?.end ?? 0 });
  let countFromFrequency: Count | undefined;
  for (const { pattern: p, perDay, count, meals } of REGULAR) {
    for (const m of s.take(p, (m) => perDay(m) !== undefined)) {
      const value = perDay(m);
      if (value && Number.isFinite(value.low)) regular.push({ perDay: value, text: m.text, start: m.tokens[0]?.start ?? 0, end: m.tokens.at(-1)?.end ?? 0 });
      if (meals) notes.push({ code: 'meals-assumed', text: m.text });
      if (count) {
        const c = rangeIn(m, 'c', rangeIn(m, 't')?.used ?? 0);
        if (c) countFromFrequency = { ...c.interval, text: m.text };
      }
    }
  }

  // How long, not how much: "gedurende 4 weken", "max 4 weken", "1dd 3 weken", "sinds 2 jaar"
  s.take(P.duration);
  s.take(P.withFood);

  const schedule = scheduledDoses(s);
  const counts: Count[] = countFromFrequency ? [countFromFrequency] : [];
  // "6-8-6 E": amounts at set times, read as that many units of one each
  const gridUnit = schedule.find((d) => d.unit !== undefined);
  const perUnit = gridUnit?.unit ? unitOf(gridUnit.unit) : undefined;
  if (gridUnit && perUnit) strengths.push({ ...fixed(perUnit.factor), unit: perUnit.unit, text: gridUnit.text });
  // "200mg-300mg", "1 g tot 2 g": a range written with its unit twice
  for (const m of s.take(P.strengthRange, (m) => m.groups.u === m.groups.u2)) {
    const unit = unitOf(m.groups.u ?? '');
    const [low, high] = numbers(m);
    if (unit && low !== undefined && high !== undefined) {
      strengths.push({ low: Math.min(low, high) * unit.factor, high: Math.max(low, high) * unit.factor, unit: unit.unit, text: m.text });
    }
  }
  // "400/800 IU": two strengths, not one
  for (const m of s.take(P.twoStrengths)) {
    const a = amountFrom(m, 'a', 0);
    const b = amountFrom(m, 'b', 1);
    if (a && b) strengths.push(a, b);
  }
  for (const m of s.take(P.countTimesStrength)) {
    const c = rangeIn(m, 'c');
    const a = amountFrom(m, 's', c?.used ?? 0);
    if (c) counts.push({ ...c.interval, text: m.text });
    if (a) strengths.push(a);
  }
  for (const m of s.take(P.countOfStrength)) {
    const c = rangeIn(m, 'c');
    const a = amountFrom(m, 's', c?.used ?? 0);
    if (c) counts.push({ ...c.interval, text: m.text });
    if (a) strengths.push(a);
  }
  for (const m of s.take(P.strength)) {
    const a = amountFrom(m, 's', 0);
    if (a) strengths.push(a);
  }
  // A bare number before a form word is a count only when small; "30 tabletten" is a pack size.
  for (const m of s.take(P.count, (m) => (rangeIn(m, 'c')?.interval.high ?? Infinity) <= MAX_PACK_COUNT)) {
    const c = rangeIn(m, 'c');
    if (c) counts.push({ ...c.interval, text: m.text });
  }
  // "twee tabletten", "half a tablet", "een halve tablet"
  for (const m of s.take(P.countWord)) {
    const n = COUNT_WORDS[m.groups.w ?? ''];
    if (n !== undefined) counts.push({ ...fixed(n), text: m.text });
  }

  const timesOfDay = [
    ...clock,
    ...schedule.map((d) => ({ label: d.label, text: d.text })),
    ...P.timesOfDay.flatMap(([label, p]) => s.take(p).map((m) => ({ label, text: m.text }))),
  ];
  const dailyWords = s.take(P.perDay);

  // One counted time of day is a count ("2 tabletten 's avonds"); several make a schedule.
  if (schedule.length === 1 && schedule[0]) counts.push({ ...schedule[0].count, text: schedule[0].text });
  const scheduled = schedule.length > 1 ? schedule : [];

  const frequency = readFrequency(
    { input, regular, sessions, offDays, scheduled, timesOfDay, dailyWords, rates, prnExtra, prnMarks, maxima, vague, exceptDays },
    s,
    notes,
  );

  // Two strengths on a line, even equal ones ("300 mg daily + 300 mg after dialysis"), are two doses.
  if (strengths.length > 1) {
    notes.push({ code: 'several-strengths', texts: strengths.map((a) => a.text) });
  }
  if (new Set(counts.map((c) => `${c.low}-${c.high}`)).size > 1) {
    notes.push({ code: 'several-counts', texts: counts.map((c) => c.text) });
  }
  const routeValues = new Set(routes.map((r) => r.value));

  const parsed: ParsedLine = { input, tokens, nameRuns: s.untakenRuns(), timing: timesOfDay, notes, tags };
  if (strengths.length > 0 && !notes.some((n) => n.code === 'several-strengths')) parsed.strength = strengths[0];
  if (counts.length > 0 && !notes.some((n) => n.code === 'several-counts') && scheduled.length === 0) parsed.count = counts[0];
  if (frequency) parsed.frequency = frequency;
  if (concentration) parsed.concentration = concentration;
  if (routeValues.size === 1 && routes[0]) parsed.route = { value: routes[0].value, text: routes.map((r) => r.text).join(', ') };
  return parsed;
}
