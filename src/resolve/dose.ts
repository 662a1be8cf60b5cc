/**
 * Works out the dose of one ingredient of a line: one administration and the average per day,
 * in the unit the knowledge base counts that substance in. Ranges ("1-2 tabletten"), forms that
 * are not named and labels that may give salt or element are carried as intervals; checks use
 * the upper end, and every assumption becomes a note the user sees.
 */
import type { Interval, ParsedLine } from '../intake/types.js';
import type { Form, Product, Substance } from '../kb/schema.js';
import { DEFAULT_SESSIONS_PER_WEEK, type Patient } from '../patient.js';
import type { DoseGap, DoseNote, DoseReading, Span } from './types.js';

type Ingredient = Product['ingredients'][number];

const ONE: Interval = { low: 1, high: 1 };
const times = (a: Interval, b: Interval): Interval => ({ low: a.low * b.low, high: a.high * b.high });
const isRange = (i: Interval) => i.high - i.low > 1e-9;

interface Frequency {
  perDay?: Interval;
  /** PRN maximum counted in units ("max 6 tabletten per dag"). */
  unitsPerDay?: Interval;
  gap?: DoseGap;
}

function frequencyOf(parsed: ParsedLine, patient: Patient, notes: DoseNote[]): Frequency {
  const f = parsed.frequency;
  if (!f) return { gap: 'no-frequency' };
  switch (f.kind) {
    case 'regular':
      return { perDay: f.perDay };
    case 'per-session': {
      const sessions = patient.sessionsPerWeek ?? DEFAULT_SESSIONS_PER_WEEK;
      notes.push({ code: 'per-session', sessionsPerWeek: sessions, assumed: patient.sessionsPerWeek === undefined });
      return { perDay: times(f.perSession, { low: sessions / 7, high: sessions / 7 }) };
    }
    case 'prn': {
      if (!f.max) return { gap: 'prn-without-maximum' };
      notes.push({ code: 'prn-maximum' });
      const max = { low: 0, high: f.max.perDay.high };
      if (f.max.of === 'units') return { unitsPerDay: max };
      if (parsed.count && parsed.count.high > 1) notes.push({ code: 'prn-maximum-administrations' });
      return { perDay: max };
    }
  }
}

function ambiguityNotes(parsed: ParsedLine): DoseNote[] {
  return parsed.notes.flatMap((n) => (n.code === 'ambiguous-number' ? [{ ...n }] : []));
}

/** How many measure units one written unit holds, for each form the line may mean. */
function conversionFactor(
  substance: Substance,
  form: Form | undefined,
  unit: string,
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
  const notes: DoseNote[] = ambiguityNotes(parsed);
  if (formAssumed && form) notes.push({ code: 'form-assumed', form });
  if (severalSubstances) return { gap: 'several-substances', notes };
  const strength = parsed.strength;
  if (!strength) return { gap: 'no-strength', notes };
  if (strength.unit === 'ml') return { gap: 'volume-without-concentration', notes };

  const count = parsed.count ?? ONE;
  const writtenSingle = times(strength, count);
  const factor = conversionFactor(substance, form, strength.unit, notes);
  if (isRange(strength) || isRange(count)) notes.push({ code: 'range' });

  const frequency = frequencyOf(parsed, patient, notes);
  const writtenDaily = frequency.unitsPerDay
    ? times(strength, frequency.unitsPerDay)
    : frequency.perDay && times(writtenSingle, frequency.perDay);
  if (frequency.perDay && isRange(frequency.perDay) && parsed.frequency?.kind !== 'prn') notes.push({ code: 'range' });

  const reading: DoseReading = { notes: dedupe(notes) };
  if (writtenDaily) reading.dailyAsWritten = { ...writtenDaily, unit: strength.unit };
  if (substance.measure) {
    if (!factor) return { ...reading, gap: 'unit-not-convertible' };
    reading.single = span(times(writtenSingle, factor), substance.measure.unit);
    if (writtenDaily) reading.daily = span(times(writtenDaily, factor), substance.measure.unit);
  }
  if (!writtenDaily) reading.gap = frequency.gap ?? 'no-frequency';
  return reading;
}

/** The dose of one ingredient of a product named on the line ("OsvaRen 2 tabletten 3dd"). */
export function productDose(
  parsed: ParsedLine,
  product: Product,
  ingredient: Ingredient,
  substance: Substance,
  patient: Patient,
): DoseReading {
  const notes: DoseNote[] = ambiguityNotes(parsed);
  let units: Interval | undefined;
  let unitName: string = product.per;
  if (product.per === 'ml' || product.per === 'l') {
    const volume = parsed.strength?.unit === 'ml' ? parsed.strength : undefined;
    if (!volume) return { gap: 'no-strength', notes };
    units = product.per === 'l' ? times(volume, { low: 0.001, high: 0.001 }) : volume;
    unitName = 'ml';
    if (isRange(volume)) notes.push({ code: 'range' });
  } else {
    units = parsed.count;
    if (!units) {
      units = ONE;
      notes.push({ code: 'count-assumed', per: product.per });
    } else if (isRange(units)) notes.push({ code: 'range' });
  }

  const frequency = frequencyOf(parsed, patient, notes);
  const unitsPerDay = frequency.unitsPerDay ?? (frequency.perDay && times(units, frequency.perDay));
  const written = product.per === 'l' && parsed.strength ? parsed.strength : units;
  const reading: DoseReading = { notes: dedupe(notes) };
  if (unitsPerDay) {
    const writtenPerDay = frequency.unitsPerDay ?? (frequency.perDay && times(written, frequency.perDay));
    if (writtenPerDay) reading.dailyAsWritten = { ...writtenPerDay, unit: unitName };
  }
  const amount = ingredient.amount;
  if (!amount || !substance.measure) return { ...reading, gap: 'amount-unknown' };
  const per: Interval = 'amount' in amount ? { low: amount.amount, high: amount.amount } : amount;
  reading.single = span(times(units, per), amount.unit);
  if (unitsPerDay) reading.daily = span(times(unitsPerDay, per), amount.unit);
  else reading.gap = frequency.gap ?? 'no-frequency';
  return reading;
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
