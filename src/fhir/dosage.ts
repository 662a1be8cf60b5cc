/**
 * A FHIR Dosage written as the dose-and-frequency part of a line: structure first (doseAndRate,
 * timing, asNeeded with maxDosePerPeriod, route), the dosage's text only when the structure does
 * not say how much and how often.
 */
import type { z } from 'zod';
import { parseLine } from '../intake/parse-line.js';
import { quantityWords, rangeWords, numberWord, unitWord } from './quantity.js';
import type { Dosage, quantity, ratio } from './resources.js';
import { ROUTE_WORDS, routeOf } from './route.js';
import { timingWords } from './timing.js';

type Quantity = z.infer<typeof quantity>;
type Ratio = z.infer<typeof ratio>;

export interface DosageWords {
  text: string;
  /** The words say how much and how often (or as needed up to a maximum). */
  complete: boolean;
  /** Some of the words come from free text (the dosage text, a timing's display). */
  fromText: boolean;
  /** The dose is an amount ("300 mg"), not a count of tablets or a rate. */
  amount: boolean;
  /** The dose is a count of units, written with the strength of one ("1 capsule of 300 mg"). */
  perUnitUsed: boolean;
}

/** A dose whose unit intake has no word for, written as sent: intake then says it could not place it. */
function asSent(q: Quantity | undefined): string | undefined {
  if (q?.value === undefined) return undefined;
  const unit = (q.unit ?? q.code ?? '').replace(/[^\p{L}\p{N}/%.\[\]{} -]/gu, '').trim();
  return `${numberWord(q.value) ?? q.value} ${unit}`.trim();
}

/** The dose: "300 mg", "1-2 tablets", or a rate ("5 mg per hour", which intake will not turn into a daily dose). */
function doseWords(d: Dosage, perUnit: string | undefined): { text: string; amount: boolean; read: boolean; perUnitUsed?: boolean } | undefined {
  const entries = d.doseAndRate ?? [];
  const ordered = entries.find((e) => e.type?.coding?.some((c) => c.code === 'ordered')) ?? entries[0];
  const quantity = ordered?.doseQuantity ?? d.doseQuantity;
  const dose = quantityWords(quantity) ?? rangeWords(ordered?.doseRange ?? d.doseRange);
  if (dose) {
    // "1 capsule of 300 mg": a count of units, each of the medication's strength.
    const perUnitUsed = dose.unit.count && perUnit !== undefined;
    return { text: perUnitUsed ? `${dose.text} of ${perUnit}` : dose.text, amount: !dose.unit.count, read: true, perUnitUsed };
  }
  const rate = quantityWords(ordered?.rateQuantity) ?? rateRatioWords(ordered?.rateRatio);
  if (rate) return { text: rate.text.endsWith('per hour') ? rate.text : `${rate.text} per hour`, amount: false, read: true };
  const sent = asSent(quantity);
  return sent ? { text: sent, amount: false, read: false } : undefined;
}

function rateRatioWords(r: Ratio | undefined): { text: string } | undefined {
  const n = quantityWords(r?.numerator);
  const per = r?.denominator;
  if (!n || !per || per.value !== 1 || !['h', 'hr', 'hour'].includes((per.code ?? per.unit ?? '').toLowerCase())) return undefined;
  return { text: `${n.text} per hour` };
}

/** The denominator of maxDosePerPeriod in days, when it is a whole number of hours or days. */
function periodDays(q: Quantity | undefined): number | undefined {
  if (!q || q.value === undefined || q.value <= 0) return undefined;
  const unit = (q.code ?? q.unit ?? '').trim().toLowerCase();
  if (['d', 'day', 'days'].includes(unit)) return q.value;
  if (['h', 'hr', 'hour', 'hours'].includes(unit)) return q.value / 24;
  return undefined;
}

/** "max 4 tablets per day", "max 3000 mg per day", "max 3 x per day" (administrations). */
function maximumWords(max: Ratio | undefined): string | undefined {
  const days = periodDays(max?.denominator);
  const n = max?.numerator;
  if (days === undefined || n?.value === undefined) return undefined;
  const perDay = n.value / days;
  const value = numberWord(perDay);
  if (value === undefined) return undefined;
  const unit = unitWord(n);
  if (unit) return `max ${value} ${perDay === 1 ? unit.singular : unit.plural} per day`;
  // A bare number, or UCUM's "1": administrations.
  return !n.unit && (!n.code || n.code === '1') ? `max ${value} x per day` : undefined;
}

function asNeeded(d: Dosage): boolean {
  return d.asNeededBoolean === true || d.asNeededCodeableConcept !== undefined;
}

/** The dosage in words; `perUnit` is the strength of one tablet or capsule ("300 mg"), when known. */
export function dosageWords(d: Dosage, perUnit?: string): DosageWords {
  const dose = doseWords(d, perUnit);
  const timing = timingWords(d.timing);
  const prn = asNeeded(d);
  const max = prn ? maximumWords(d.maxDosePerPeriod) : undefined;
  const route = routeOf(d.route);
  const howOften = prn ? ['as needed', max].filter(Boolean).join(' ') : undefined;
  const structured = [dose?.text, timing?.text, howOften, route ? ROUTE_WORDS[route.route] : undefined].filter((w): w is string => Boolean(w));
  const often = timing?.frequency === true;
  const complete = dose?.read === true && (often || (prn && max !== undefined));
  const text = d.text?.trim();
  if (complete || !text) {
    return {
      text: structured.join(' '),
      complete,
      fromText: (timing?.fromText ?? false) || (route?.fromText ?? false),
      amount: dose?.amount ?? false,
      perUnitUsed: dose?.perUnitUsed ?? false,
    };
  }
  // The structure leaves the dose or how often open: the sender's own words say it.
  const parsed = parseLine(text);
  const routeWord = route && !parsed.route ? ` ${ROUTE_WORDS[route.route]}` : '';
  return { text: `${text}${routeWord}`, complete: false, fromText: true, amount: parsed.strength !== undefined, perUnitUsed: false };
}
