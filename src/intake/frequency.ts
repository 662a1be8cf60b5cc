/**
 * Reconciles everything a line says about how often into one frequency, or a note that it says
 * several things, or something that is not a number. Never the smaller of two readings.
 */
import { fixed, rangeIn, same, scale } from './match-helpers.js';
import { type Candidate, type ScheduledDose, weekdaysIn } from './frequency-patterns.js';
import { type Match, pattern, type Scanner } from './scanner.js';
import type { Frequency, IntakeNote } from './types.js';
import { unitOf, VAGUE } from './vocabulary.js';

/** What the patterns took from a line that bears on how often. */
export interface FrequencyReadings {
  input: string;
  regular: Candidate[];
  sessions: Match[];
  offDays: Match[];
  scheduled: ScheduledDose[];
  timesOfDay: { label: string; text: string }[];
  dailyWords: Match[];
  rates: Match[];
  prnExtra: Match[];
  prnMarks: Match[];
  maxima: Match[];
  vague: Match[];
  exceptDays: Match[];
}

const VAGUE_BARE = pattern(VAGUE);

export function readFrequency(r: FrequencyReadings, s: Scanner, notes: IntakeNote[]): Frequency | undefined {
  const { input, regular, sessions, offDays, scheduled, timesOfDay, dailyWords, rates, prnExtra, prnMarks, maxima, vague, exceptDays } = r;
  // Frequency: one reading, or a note that the line says several things.
  let frequency: Frequency | undefined;
  let distinct = regular.filter((c, i) => regular.findIndex((o) => same(o.perDay, c.perDay)) === i);
  // "1dd1 om de andere dag", "2x per dag, 3 dagen per week": times on a dosing day, and how often that day comes
  const everyDay = distinct.filter((c) => c.perDay.high >= 1);
  const someDays = distinct.filter((c) => c.perDay.high < 1);
  // ... but not "1dd of om de dag", which gives a choice
  const joinedByOr = (a: Candidate, b: Candidate) =>
    /(?:^|\s)(?:of|or|en\/of|and\/or)(?:\s|$)/i.test(input.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
  const combined = everyDay.length === 1 && someDays.length === 1 && everyDay[0] && someDays[0] && !joinedByOr(everyDay[0], someDays[0])
    ? { onDosingDay: everyDay[0].perDay, days: someDays[0] }
    : undefined;
  if (combined) distinct = [{ ...combined.days, perDay: { low: combined.onDosingDay.low * combined.days.perDay.low, high: combined.onDosingDay.high * combined.days.perDay.high }, text: regular.map((c) => c.text).join(', ') }];
  const labels = new Set(timesOfDay.map((t) => t.label));
  const sessionCount = sessions.map((m) => rangeIn(m, 't')?.interval ?? fixed(1));
  const weekly = distinct.length === 1 && distinct[0] && distinct[0].perDay.high < 1 && !combined ? distinct[0] : undefined;
  // "3 times a week after dialysis", "na elke dialyse (4x per week)": the line gives the sessions
  const sessionsStated = sessions.length > 0 && weekly !== undefined && sessionCount.every((c) => c.high === 1);
  // "daily or every other day": a plain "daily" next to a frequency of less than once a day
  // ... or next to a dose per session ("300 mg daily + 300 mg after dialysis")
  const dailyConflict = dailyWords.length > 0 && (weekly !== undefined || (sessions.length > 0 && !sessionsStated));
  const scheduleConflict = scheduled.length > 0 && (distinct.some((c) => !same(c.perDay, fixed(scheduled.length))) || offDays.length > 0);
  // "1dd 's ochtends en 's avonds": more times of day than times a day
  const timesConflict = !combined && distinct.length === 1 && (distinct[0]?.perDay.high ?? 0) >= 1 && labels.size > (distinct[0]?.perDay.high ?? 0);
  if (scheduled.length > 0) distinct = [];
  const readings = distinct.length + (sessions.length > 0 && !sessionsStated ? 1 : 0) + (scheduled.length > 0 ? 1 : 0);
  // "soms", "af en toe" anywhere on the line: how often is not a number, whatever else it says
  const bare = s.take(VAGUE_BARE);

  if (rates.length > 0) {
    // The rate is the dose; how long it runs is not on the line.
  } else if (prnExtra.length > 0) {
    notes.push({ code: 'prn-extra' });
  } else if (vague[0]) {
    notes.push({ code: 'vague-frequency', text: vague[0].text });
  } else if (readings > 1 || dailyConflict || scheduleConflict || timesConflict) {
    const texts = [...regular.map((c) => c.text), ...sessions.map((m) => m.text), ...scheduled.map((d) => d.text), ...(dailyConflict ? dailyWords.map((m) => m.text) : []), ...(timesConflict ? timesOfDay.map((t) => t.text) : [])];
    notes.push({ code: 'several-frequencies', texts });
  } else if (offDays.length > 0) {
    const text = [...distinct.map((c) => c.text), ...timesOfDay.map((t) => t.text), ...dailyWords.map((m) => m.text), ...offDays.map((m) => m.text)].join(', ');
    if (sessions.length > 0 || (distinct[0]?.perDay.high ?? 1) < 1) notes.push({ code: 'several-frequencies', texts: [text] });
    else frequency = { kind: 'non-session', perOffDay: distinct[0]?.perDay ?? fixed(Math.max(1, labels.size)), text };
  } else if (sessionsStated && weekly) {
    frequency = { kind: 'regular', perDay: weekly.perDay, text: [weekly.text, ...sessions.map((m) => m.text)].join(', '), atSessions: true };
  } else if (sessions.length > 0) {
    frequency = { kind: 'per-session', perSession: sessionCount[0] ?? fixed(1), text: sessions.map((m) => m.text).join(' ') };
  } else if (scheduled.length > 0) {
    const unitsPerDay = scheduled.reduce((sum, d) => ({ low: sum.low + d.count.low, high: sum.high + d.count.high }), fixed(0));
    // The largest single administration is what a single-dose limit is checked against.
    const unitsPerTime = fixed(Math.max(...scheduled.map((d) => d.count.high)));
    frequency = { kind: 'schedule', perDay: fixed(scheduled.length), unitsPerDay, unitsPerTime, text: [...new Set(scheduled.map((d) => d.text))].join(', ') };
  } else if (distinct[0]) {
    frequency = { kind: 'regular', perDay: distinct[0].perDay, text: distinct[0].text };
    if (combined) frequency.perDosingDay = combined.onDosingDay;
  } else if (labels.size > 0) {
    frequency = { kind: 'regular', perDay: fixed(labels.size), text: timesOfDay.map((t) => t.text).join(', ') };
  } else if (dailyWords.length > 0) {
    frequency = { kind: 'regular', perDay: fixed(1), text: dailyWords[0]?.text ?? '' };
  } else if (exceptDays.length > 0 && prnMarks.length === 0 && maxima.length === 0) {
    // "100 mg behalve zondag": every day but the ones named
    frequency = { kind: 'regular', perDay: fixed(1), text: '' };
  }
  if (bare[0]) notes.push({ code: 'vague-frequency', text: bare[0].text });

  // "daily except Sundays": the days left out of a daily frequency
  const excluded = new Set(exceptDays.flatMap((m) => [...weekdaysIn(m)]));
  const daily = (frequency?.kind === 'regular' || frequency?.kind === 'schedule') && frequency.perDay.high >= 1 ? frequency : undefined;
  if (excluded.size > 0 && daily) {
    const share = (7 - excluded.size) / 7;
    const text = [daily.text, ...exceptDays.map((m) => m.text)].filter(Boolean).join(', ');
    frequency = daily.kind === 'regular'
      ? { ...daily, perDay: scale(daily.perDay, share), perDosingDay: daily.perDay, text }
      : { ...daily, perDay: scale(daily.perDay, share), unitsPerDay: scale(daily.unitsPerDay, share), text };
  } else if (excluded.size > 0 && frequency) {
    notes.push({ code: 'several-frequencies', texts: [frequency.text, ...exceptDays.map((m) => m.text)] });
    frequency = undefined;
  }

  if ((prnMarks.length > 0 || maxima.length > 0) && prnExtra.length === 0 && rates.length === 0) {
    const text = [...prnMarks, ...maxima].map((m) => m.text).join(', ');
    const max = maxima[0];
    if (max) {
      const r = rangeIn(max, 'r');
      const unit = unitOf(max.groups.u ?? '');
      const each = r && rangeIn(max, 'c', r.used);
      if (r && each) {
        // "max 3dd2": the units of the most administrations a day
        frequency = { kind: 'prn', max: { perDay: fixed(r.interval.high * each.interval.high), of: 'units' }, text };
      } else if (r && unit) {
        // "max 60 ml per dag": an amount a day, in the unit written.
        frequency = { kind: 'prn', max: { amount: r.interval.high * unit.factor, unit: unit.unit }, text };
      } else if (r) {
        frequency = { kind: 'prn', max: { perDay: fixed(r.interval.high), of: max.groups.fw ? 'units' : 'administrations' }, text };
      }
    } else if (frequency?.kind === 'regular') {
      frequency = { kind: 'prn', max: { perDay: fixed(frequency.perDay.high), of: 'administrations' }, text: `${text}, ${frequency.text}` };
    } else if (frequency?.kind === 'schedule') {
      // "2 's ochtends en 1 's avonds zo nodig": at most the units of the schedule
      frequency = { kind: 'prn', max: { perDay: fixed(frequency.unitsPerDay.high), of: 'units' }, text: `${text}, ${frequency.text}` };
    } else if (!notes.some((n) => n.code === 'several-frequencies' || n.code === 'vague-frequency')) {
      frequency = { kind: 'prn', text };
      notes.push({ code: 'prn-without-maximum' });
    }
  }
  return frequency;
}
