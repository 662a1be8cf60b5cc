/**
 * Works out the dose of one ingredient of a line: one administration and the average per day,
 * in the unit the knowledge base counts that substance in. Ranges ("1-2 tabletten"), forms that
 * are not named and labels that may give salt or element are carried as intervals; checks use
 * the upper end, and every assumption becomes a note the user sees.
 */
import type { Amount, AmountUnit, Interval, ParsedLine } from '../intake/types.js';
import type { Form, Product, Substance } from '../kb/schema.js';
import { DEFAULT_SESSIONS_PER_WEEK, type Patient } from '../patient.js';
import type { DoseGap, DoseNote, DoseReading, Span } from './types.js';

type Ingredient = Product['ingredients'][number];

const ONE: Interval = { low: 1, high: 1 };
const times = (a: Interval, b: Interval): Interval => ({ low: a.low * b.low, high: a.high * b.high });
const isRange = (i: Interval) => i.high - i.low > 1e-9;

interface Frequency {
  perDay?: Interval;
  /** Units a day counted directly: a PRN maximum in units ("max 6 tabletten per dag") or a schedule. */
  unitsPerDay?: Interval;
  /** Units per administration when the frequency sets it (a schedule of 2 and 1). */
  unitsPerTime?: Interval;
  /** A PRN maximum as an amount a day ("max 60 ml per dag"). */
  amountPerDay?: { amount: number; unit: AmountUnit };
  /** Administrations on a day it is taken, when it is not taken every day. */
  timesOnDosingDay?: Interval;
  /** Administrations per dialysis session, for a line given per session. */
  perSession?: Interval;
  gap?: DoseGap;
}

/** Why intake could not give a frequency, in the words of the note it left (after `lineGap`). */
function frequencyGap(parsed: ParsedLine): DoseGap {
  const codes = new Set(parsed.notes.map((n) => n.code));
  if (codes.has('prn-extra')) return 'prn-extra';
  if (codes.has('several-frequencies')) return 'several-frequencies';
  if (codes.has('as-directed')) return 'as-directed';
  return 'no-frequency';
}

/**
 * Why a dose cannot be read at all, whatever the frequency. A product counted in tablets carries its
 * strengths in its name ("OsvaRen 435 mg/235 mg"), so only a strength that is the dose counts.
 */
function lineGap(parsed: ParsedLine, strengthIsDose = true): DoseGap | undefined {
  const codes = new Set(parsed.notes.map((n) => n.code));
  if (codes.has('rate-per-hour')) return 'rate-per-hour';
  if (codes.has('several-strengths') && strengthIsDose) return 'several-strengths';
  if (codes.has('several-counts')) return 'several-counts';
  if (codes.has('unknown-strength')) return 'no-strength';
  if (codes.has('vague-frequency')) return 'vague-frequency';
  return undefined;
}

function frequencyOf(parsed: ParsedLine, patient: Patient, notes: DoseNote[]): Frequency {
  const f = parsed.frequency;
  if (!f) return { gap: frequencyGap(parsed) };
  switch (f.kind) {
    case 'regular':
      if (f.perDosingDay) return { perDay: f.perDay, timesOnDosingDay: f.perDosingDay };
      // Given at each session, as often a week as the line says: each dose is a session's dose.
      if (f.atSessions) return { perDay: f.perDay, timesOnDosingDay: ONE, perSession: ONE };
      return f.perDay.high < 1 ? { perDay: f.perDay, timesOnDosingDay: ONE } : { perDay: f.perDay };
    case 'schedule':
      return { unitsPerDay: f.unitsPerDay, unitsPerTime: f.unitsPerTime };
    case 'non-session': {
      const sessions = patient.sessionsPerWeek ?? DEFAULT_SESSIONS_PER_WEEK;
      notes.push({ code: 'non-session', sessionsPerWeek: sessions, assumed: patient.sessionsPerWeek === undefined });
      const share = Math.max(0, 7 - sessions) / 7;
      return { perDay: times(f.perOffDay, { low: share, high: share }), timesOnDosingDay: f.perOffDay };
    }
    case 'per-session': {
      const sessions = patient.sessionsPerWeek ?? DEFAULT_SESSIONS_PER_WEEK;
      notes.push({ code: 'per-session', sessionsPerWeek: sessions, assumed: patient.sessionsPerWeek === undefined });
      return { perDay: times(f.perSession, { low: sessions / 7, high: sessions / 7 }), timesOnDosingDay: f.perSession, perSession: f.perSession };
    }
    case 'prn': {
      if (!f.max) return { gap: 'prn-without-maximum' };
      notes.push({ code: 'prn-maximum' });
      if ('amount' in f.max) return { amountPerDay: f.max };
      const max = { low: 0, high: f.max.perDay.high };
      if (f.max.of === 'units') return { unitsPerDay: max };
      if (parsed.count && parsed.count.high > 1) notes.push({ code: 'prn-maximum-administrations' });
      return { perDay: max };
    }
  }
}

/**
 * The amount of one administration: "20 mg/kg" with the patient's target weight, "6 ml" of a
 * liquid of "50 mg/ml", or the strength as written; a gap when it cannot be worked out.
 */
function strengthOf(parsed: ParsedLine, patient: Patient, notes: DoseNote[]): Amount | DoseGap | undefined {
  const c = parsed.concentration;
  if (c) {
    const volume = parsed.strength?.unit === 'ml' ? parsed.strength : undefined;
    if (!volume) return parsed.strength ?? 'no-volume';
    notes.push({ code: 'concentration', text: c.text });
    return { ...times(volume, c), unit: c.unit, text: `${volume.text}, ${c.text}` };
  }
  const strength = parsed.strength;
  if (!strength?.perKg) return strength;
  const kg = patient.targetWeightKg;
  if (kg === undefined) return 'per-kg-without-weight';
  notes.push({ code: 'per-kg', perKg: strength.high, unit: strength.unit, weightKg: kg });
  return { ...strength, ...times(strength, { low: kg, high: kg }) };
}

function ambiguityNotes(parsed: ParsedLine): DoseNote[] {
  return parsed.notes.flatMap((n) => (n.code === 'ambiguous-number' ? [{ ...n }] : []));
}

/** How many measure units one written unit holds, for each form the line may mean. */
function conversionFactor(
  substance: Substance,
  form: Form | undefined,
  unit: AmountUnit,
  notes: DoseNote[],
): Interval | undefined {
  const measure = substance.measure;
  if (!measure) return undefined;
  const candidates = form ? [form] : substance.forms;
  if (candidates.length === 0) return unit === measure.unit ? ONE : undefined;
  const factors: Interval[] = [];
  for (const f of candidates) {
    const conversion = f.conversions.find((c) => c.from === unit);
    if (unit !== measure.unit) {
      // Another unit (IU, mmol): the form's conversion decides; salt or element makes no difference.
      if (!conversion) continue;
      factors.push({ low: conversion.factor, high: conversion.factor });
      if (form && conversion.factor !== 1) notes.push({ code: 'converted', form: f, factor: conversion.factor, from: unit, to: measure });
      continue;
    }
    const k = conversion?.factor;
    if (k === undefined || f.amountIs === 'measure') factors.push(ONE);
    else if (f.amountIs === 'either') {
      factors.push({ low: Math.min(k, 1), high: Math.max(k, 1) });
      if (form) notes.push({ code: 'compound-or-measure', form: f, factor: k });
    } else {
      factors.push({ low: k, high: k });
      if (form && k !== 1) notes.push({ code: 'converted', form: f, factor: k, from: unit, to: measure });
    }
  }
  if (factors.length === 0) return undefined;
  const low = Math.min(...factors.map((f) => f.low));
  const high = Math.max(...factors.map((f) => f.high));
  if (!form && isRange({ low, high })) notes.push({ code: 'form-not-stated', forms: candidates });
  return { low, high };
}

function span(i: Interval, unit: Span['unit']): Span {
  return { low: i.low, high: i.high, unit };
}

/** The dose of a substance named directly on the line ("Kinine 250 mg 1dd"). */
export function substanceDose(
  parsed: ParsedLine,
  substance: Substance,
  form: Form | undefined,
  formAssumed: boolean,
  patient: Patient,
  severalSubstances: boolean,
): DoseReading {
  return withSupplement(parsed, (p) => readSubstanceDose(p, substance, form, formAssumed, patient, severalSubstances));
}

function readSubstanceDose(
  parsed: ParsedLine,
  substance: Substance,
  form: Form | undefined,
  formAssumed: boolean,
  patient: Patient,
  severalSubstances: boolean,
): DoseReading {
  const notes: DoseNote[] = ambiguityNotes(parsed);
  if (formAssumed && form) notes.push({ code: 'form-assumed', form });
  if (severalSubstances) return { gap: 'several-substances', notes };
  const unreadable = lineGap(parsed);
  if (unreadable) return { gap: unreadable, notes };
  const strength = strengthOf(parsed, patient, notes);
  if (typeof strength === 'string') return { gap: strength, notes };
  const frequency = frequencyOf(parsed, patient, notes);
  const max = frequency.amountPerDay;
  if (!strength && !max) return { gap: 'no-strength', notes };
  // A volume is a dose only where the form says how much is in a ml ("Fraxiparine 0,4 ml").
  const perMl = form?.conversions.some((c) => c.from === 'ml') ?? false;
  if (!perMl && (strength?.unit === 'ml' || (!strength && max?.unit === 'ml'))) return { gap: 'volume-without-concentration', notes };

  const count = frequency.unitsPerTime ?? parsed.count ?? ONE;
  if (strength && (isRange(strength) || isRange(count))) notes.push({ code: 'range' });
  const writtenSingle = strength && times(strength, count);
  let writtenDaily: Interval | undefined;
  let dailyUnit: AmountUnit | undefined = strength?.unit;
  if (max) {
    writtenDaily = { low: 0, high: max.amount };
    dailyUnit = max.unit;
  } else if (strength) {
    writtenDaily = frequency.unitsPerDay ? times(strength, frequency.unitsPerDay) : frequency.perDay && writtenSingle && times(writtenSingle, frequency.perDay);
    if (frequency.perDay && isRange(frequency.perDay) && parsed.frequency?.kind !== 'prn') notes.push({ code: 'range' });
  }

  const reading: DoseReading = { notes };
  if (writtenDaily && dailyUnit) reading.dailyAsWritten = { ...writtenDaily, unit: dailyUnit };
  if (substance.measure) {
    const singleFactor = strength && conversionFactor(substance, form, strength.unit, notes);
    const dailyFactor = dailyUnit && conversionFactor(substance, form, dailyUnit, notes);
    if ((strength && !singleFactor) || !dailyFactor) return { ...reading, notes: dedupe(notes), gap: 'unit-not-convertible' };
    if (writtenSingle && singleFactor) reading.single = span(times(writtenSingle, singleFactor), substance.measure.unit);
    if (writtenDaily) reading.daily = span(times(writtenDaily, dailyFactor), substance.measure.unit);
    if (reading.single && reading.daily && frequency.timesOnDosingDay) reading.dosingDay = onDosingDay(reading.single, frequency.timesOnDosingDay, reading.daily);
  }
  if (!writtenDaily) reading.gap = frequency.gap ?? 'no-frequency';
  reading.notes = dedupe(reading.notes);
  return perSession(reading, frequency);
}

/** The dose of one ingredient of a product named on the line ("OsvaRen 2 tabletten 3dd"). */
export function productDose(parsed: ParsedLine, product: Product, ingredient: Ingredient, substance: Substance, patient: Patient): DoseReading {
  return withSupplement(parsed, (p) => readProductDose(p, product, ingredient, substance, patient));
}

function readProductDose(
  parsed: ParsedLine,
  product: Product,
  ingredient: Ingredient,
  substance: Substance,
  patient: Patient,
): DoseReading {
  const notes: DoseNote[] = ambiguityNotes(parsed);
  const byVolume = product.per === 'ml' || product.per === 'l';
  const unreadable = lineGap(parsed, byVolume);
  if (unreadable) return { gap: unreadable, notes };
  const frequency = frequencyOf(parsed, patient, notes);
  const toProductUnits = (ml: Interval) => (product.per === 'l' ? times(ml, { low: 0.001, high: 0.001 }) : ml);
  const maxMl = frequency.amountPerDay?.unit === 'ml' ? { low: 0, high: frequency.amountPerDay.amount } : undefined;
  if (frequency.amountPerDay && !(byVolume && maxMl)) return { gap: 'unit-not-convertible', notes };

  let units: Interval | undefined;
  let unitName: AmountUnit | Product['per'] = product.per;
  let writtenPerDay: Interval | undefined;
  if (byVolume) {
    const strength = strengthOf({ ...parsed, concentration: undefined }, patient, notes);
    if (typeof strength === 'string') return { gap: strength, notes };
    const volume = strength?.unit === 'ml' ? strength : undefined;
    if (!volume && !maxMl) return { gap: 'no-volume', notes };
    // "2 blikjes (330 ml)": the volume of each container, times the containers (or the most a day)
    const total = volume && times(volume, frequency.unitsPerTime ?? parsed.count ?? ONE);
    if (total) {
      units = toProductUnits(total);
      if (isRange(total)) notes.push({ code: 'range' });
    }
    unitName = 'ml';
    writtenPerDay = maxMl ?? (volume && frequency.unitsPerDay ? times(volume, frequency.unitsPerDay) : total && frequency.perDay && times(total, frequency.perDay));
  } else {
    units = frequency.unitsPerTime ?? parsed.count;
    if (!units) {
      units = ONE;
      notes.push({ code: 'count-assumed', per: product.per });
    } else if (isRange(units)) notes.push({ code: 'range' });
    writtenPerDay = frequency.unitsPerDay ?? (frequency.perDay && times(units, frequency.perDay));
  }
  const unitsPerDay = maxMl ? toProductUnits(maxMl) : byVolume ? writtenPerDay && toProductUnits(writtenPerDay) : writtenPerDay;

  const reading: DoseReading = { notes: dedupe(notes) };
  if (writtenPerDay) reading.dailyAsWritten = { ...writtenPerDay, unit: unitName };
  const amount = ingredient.amount;
  if (!amount || !substance.measure) return { ...reading, gap: 'amount-unknown' };
  const per: Interval = 'amount' in amount ? { low: amount.amount, high: amount.amount } : amount;
  if (units) reading.single = span(times(units, per), amount.unit);
  if (unitsPerDay) reading.daily = span(times(unitsPerDay, per), amount.unit);
  if (reading.single && reading.daily && frequency.timesOnDosingDay) reading.dosingDay = onDosingDay(reading.single, frequency.timesOnDosingDay, reading.daily);
  else if (!reading.daily) reading.gap = frequency.gap ?? 'no-frequency';
  return perSession(reading, frequency);
}

/** A line given per dialysis session: its dose per session, and no maintenance dose besides. */
function perSession(reading: DoseReading, frequency: Frequency): DoseReading {
  if (!frequency.perSession || !reading.single) return reading;
  return { ...reading, session: { ...times(reading.single, frequency.perSession), unit: reading.single.unit }, maintenance: { low: 0, high: 0, unit: reading.single.unit } };
}

const add = (a: Span, b: Span): Span => ({ low: a.low + b.low, high: a.high + b.high, unit: a.unit });

/**
 * "200 mg 1dd + 250 mg na elke dialyse": the maintenance part and the supplement read apart and put
 * together — per day, on a dialysis day (both), and each part on its own for its own limit.
 */
function withSupplement(parsed: ParsedLine, read: (p: ParsedLine) => DoseReading): DoseReading {
  const sup = parsed.supplement;
  if (!sup) return read(parsed);
  const main = read({ ...parsed, supplement: undefined });
  const extra = read({
    ...parsed,
    supplement: undefined,
    strength: sup.strength,
    ...(sup.count ? { count: sup.count } : { count: undefined }),
    frequency: { kind: 'per-session', perSession: sup.perSession, text: sup.text },
  });
  const notes = dedupe([...main.notes, ...extra.notes]);
  const gap = main.gap ?? extra.gap;
  const maintenance = main.dosingDay ?? main.daily;
  if (gap || !maintenance || !main.daily || !extra.daily || !extra.session || maintenance.unit !== extra.session.unit) {
    return { notes, gap: gap ?? 'unclear-dose' };
  }
  const reading: DoseReading = {
    notes,
    daily: add(main.daily, extra.daily),
    maintenance,
    session: extra.session,
    dosingDay: add(maintenance, extra.session),
  };
  const singles = [main.single, extra.single].filter((x): x is Span => x !== undefined);
  if (singles.length > 0) reading.single = singles.reduce((a, b) => (b.high > a.high ? b : a));
  const [w, x] = [main.dailyAsWritten, extra.dailyAsWritten];
  if (w && x && w.unit === x.unit) reading.dailyAsWritten = { low: w.low + x.low, high: w.high + x.high, unit: w.unit };
  return reading;
}

/** The dose on a day it is taken: every administration of that day, never less than the average. */
function onDosingDay(single: Span, timesOnDosingDay: Interval, daily: Span): Span | undefined {
  const day = times(single, timesOnDosingDay);
  return day.high > daily.high + 1e-9 ? { ...day, unit: single.unit } : undefined;
}

function dedupe(notes: DoseNote[]): DoseNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = n.code;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
