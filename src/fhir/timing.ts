/**
 * FHIR Timing written in the notation intake reads: `repeat` (frequency, period, periodUnit,
 * dayOfWeek, when, timeOfDay) first, then `timing.code` (BID, TID, QID, QD, QOD, Q4H, …).
 * Whatever cannot be written exactly is left out, so the line says less rather than something
 * else; intake then reports the dose as not worked out.
 */
import type { z } from 'zod';
import { parseLine } from '../intake/parse-line.js';
import { numberWord } from './quantity.js';
import type { timing as timingSchema } from './resources.js';

type Timing = z.infer<typeof timingSchema>;
type Repeat = NonNullable<Timing['repeat']>;

export interface TimingWords {
  text: string;
  /** The words say how often, so a daily dose can be worked out. */
  frequency: boolean;
  /** The words come from the timing's text or display rather than its structure. */
  fromText: boolean;
}

/** HL7 v3 GTSAbbreviation, the value set of Timing.code. */
const TIMING_CODES: Record<string, string> = {
  QD: '1 x per day',
  BID: '2 x per day',
  TID: '3 x per day',
  QID: '4 x per day',
  QOD: 'every other day',
  AM: 'in the morning',
  PM: 'in the evening',
  BED: 'at bedtime',
  WK: '1 x per week',
  MO: '1 x per month',
  Q1H: 'every 1 hours',
  Q2H: 'every 2 hours',
  Q3H: 'every 3 hours',
  Q4H: 'every 4 hours',
  Q6H: 'every 6 hours',
  Q8H: 'every 8 hours',
  // Not in the value set, but sent.
  Q12H: 'every 12 hours',
  Q24H: '1 x per day',
  QHS: 'at bedtime',
  HS: 'at bedtime',
};

/** EventTiming (Timing.repeat.when): the time of day each event falls at. */
const EVENTS: Record<string, string> = {
  MORN: 'in the morning',
  'MORN.early': 'in the morning',
  'MORN.late': 'in the morning',
  WAKE: 'in the morning',
  PHS: 'in the morning',
  CM: 'with breakfast',
  ACM: 'with breakfast',
  PCM: 'with breakfast',
  NOON: 'at noon',
  // Intake has no afternoon; what counts is that it is one more time of day.
  AFT: 'at noon',
  'AFT.early': 'at noon',
  'AFT.late': 'at noon',
  CD: 'with lunch',
  ACD: 'with lunch',
  PCD: 'with lunch',
  EVE: 'in the evening',
  'EVE.early': 'in the evening',
  'EVE.late': 'in the evening',
  CV: 'with dinner',
  ACV: 'with dinner',
  PCV: 'with dinner',
  NIGHT: 'at night',
  HS: 'at bedtime',
  C: 'with each meal',
  AC: 'with each meal',
  PC: 'with each meal',
};

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const times = (f: string, fMax: string | undefined) => (fMax ? `${f}-${fMax} x` : `${f} x`);

/** "3 x per day", "every 8 hours", "2 x per 3 days", "every 2 weeks": frequency per period. */
function frequencyWords(r: Repeat): string | undefined {
  const f = r.frequency ?? 1;
  const fMax = r.frequencyMax !== undefined && r.frequencyMax > f ? numberWord(r.frequencyMax) : undefined;
  const unit = r.periodUnit?.trim();
  // A period unit without its period ("frequency": 2, "periodUnit": "d") is sent for one.
  const period = r.period ?? (unit ? 1 : undefined);
  if (period === undefined || !unit || period <= 0 || f <= 0) return undefined;
  const fw = numberWord(f);
  const pw = numberWord(period);
  if (fw === undefined || pw === undefined) return undefined;
  if (unit === 'h') {
    // Every 4-6 hours is 4 to 6 times a day; only whole numbers of times are written.
    const most = (f * 24) / period;
    const least = r.periodMax !== undefined && r.periodMax > period ? (f * 24) / r.periodMax : most;
    if (!Number.isInteger(most) || !Number.isInteger(least) || fMax) return undefined;
    if (least !== most) return `${least}-${most} x per day`;
    return f === 1 ? `every ${pw} hours` : `${most} x per day`;
  }
  if (r.periodMax !== undefined && r.periodMax > period) return undefined;
  const name = { d: ['day', 'days'], wk: ['week', 'weeks'], mo: ['month', 'months'] }[unit];
  if (!name) return undefined;
  if (period === 1) return `${times(fw, fMax)} per ${name[0]}`;
  if (f === 1 && !fMax) return unit === 'd' && period === 2 ? 'every other day' : `every ${pw} ${name[1]}`;
  return `${times(fw, fMax)} per ${pw} ${name[1]}`;
}

function dayWords(days: readonly string[] | undefined): string | undefined {
  const valid = [...new Set((days ?? []).map((d) => d.trim().toLowerCase()))].filter((d): d is (typeof DAYS)[number] => (DAYS as readonly string[]).includes(d));
  if (valid.length === 0 || valid.length !== (days ?? []).length) return undefined;
  return `on ${valid.sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b)).join('/')}`;
}

function clockWords(timesOfDay: readonly string[] | undefined): string[] {
  return (timesOfDay ?? []).flatMap((t) => {
    const m = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(t.trim());
    return m ? [`at ${m[1]}:${m[2]}`] : [];
  });
}

function repeatWords(r: Repeat): Omit<TimingWords, 'fromText'> | undefined {
  const days = dayWords(r.dayOfWeek);
  if (r.dayOfWeek && r.dayOfWeek.length > 0 && !days) return undefined;
  const events = (r.when ?? []).map((w) => EVENTS[w.trim()]);
  if (events.some((e) => e === undefined)) return undefined;
  const moments = [...new Set(events as string[]), ...clockWords(r.timeOfDay)];
  if (r.timeOfDay && moments.length - new Set(events).size !== r.timeOfDay.length) return undefined;

  let frequency = frequencyWords(r);
  const perDay = r.periodUnit === 'd' && (r.period ?? 1) === 1 ? (r.frequency ?? 1) : undefined;
  // The days of the week say how often: "on mon/wed/fri", and "2 x per day on mon/wed/fri".
  if (days && (r.periodUnit === 'wk' || perDay === 1)) frequency = undefined;
  // Named times of day that match the frequency say it on their own: "in the morning and at bedtime".
  if (moments.length > 0 && perDay === moments.length && r.frequencyMax === undefined && !days) frequency = undefined;
  const parts = [frequency, days, moments.join(' and ') || undefined].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  return { text: parts.join(' '), frequency: frequency !== undefined || days !== undefined || moments.length > 0 };
}

/** A timing's text or display that intake reads as a frequency ("na elke dialyse", "twice daily"). */
function readableText(text: string | undefined): TimingWords | undefined {
  const t = text?.trim();
  if (!t || t.length > 100) return undefined;
  const parsed = parseLine(t);
  return parsed.frequency && !parsed.strength && !parsed.count ? { text: t, frequency: true, fromText: true } : undefined;
}

export function timingWords(t: Timing | undefined): TimingWords | undefined {
  if (!t) return undefined;
  const fromRepeat = t.repeat ? repeatWords(t.repeat) : undefined;
  if (fromRepeat?.frequency) return { ...fromRepeat, fromText: false };
  const codes = [...(t.code?.coding ?? []).map((c) => c.code), t.code?.text];
  for (const c of codes) {
    const words = c ? TIMING_CODES[c.trim().toUpperCase()] : undefined;
    if (words) return { text: words, frequency: true, fromText: false };
  }
  const byText = readableText(t.code?.text) ?? (t.code?.coding ?? []).map((c) => readableText(c.display)).find(Boolean);
  if (byText) return byText;
  return fromRepeat ? { ...fromRepeat, fromText: false } : undefined;
}
