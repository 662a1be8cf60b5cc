/** How a line was read and the daily dose worked out, in the user's language. */
import { formatAmount, formatNumber, formatSignificant, formatUnit } from '../i18n/format.js';
import { messages } from '../i18n/index.js';
import type { Frequency } from '../intake/types.js';
import type { Lang } from '../kb/schema.js';
import type { DoseNote, ResolvedItem } from '../resolve/types.js';
import type { DailyDose, Reading } from './report.js';

/** "3 × a week", "every 2 weeks", "once a month" for what is taken less than daily; undefined otherwise. */
function lessThanDaily(perDay: { low: number; high: number }, lang: Lang): string | undefined {
  const r = messages(lang).reading;
  if (perDay.low !== perDay.high || perDay.high >= 1 || perDay.high <= 0) return undefined;
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 0.01 && Math.round(x) >= 1;
  const week = perDay.high * 7;
  if (whole(week)) return r.timesPerWeek(formatNumber(Math.round(week), lang));
  const days = 1 / perDay.high;
  if (whole(days / 7)) return r.everyWeeks(formatNumber(Math.round(days / 7), lang));
  if (whole(days)) return r.everyDays(formatNumber(Math.round(days), lang));
  const month = perDay.high * 30;
  if (whole(month)) return r.timesPerMonth(formatNumber(Math.round(month), lang));
  return undefined;
}

function frequencyText(f: Frequency, lang: Lang): string {
  const r = messages(lang).reading;
  const n = (x: { low: number; high: number }) =>
    x.low === x.high ? formatNumber(x.high, lang) : `${formatNumber(x.low, lang)}–${formatNumber(x.high, lang)}`;
  switch (f.kind) {
    case 'regular':
      return `${lessThanDaily(f.perDay, lang) ?? r.timesPerDay(n(f.perDay))} (“${f.text}”)`;
    case 'per-session':
      return `${r.perSession(n(f.perSession))} (“${f.text}”)`;
    case 'non-session':
      return `${r.nonSession(n(f.perOffDay))} (“${f.text}”)`;
    case 'schedule':
      return `${r.schedule(n(f.perDay), n(f.unitsPerDay))} (“${f.text}”)`;
    case 'prn':
      if (!f.max) return `${r.asNeeded} (“${f.text}”)`;
      if ('amount' in f.max) return `${r.asNeededMaxAmount(formatAmount(f.max.amount, f.max.amount, f.max.unit, lang))} (“${f.text}”)`;
      return `${r.asNeededMax(n(f.max.perDay), f.max.of === 'units' ? r.units : r.administrations)} (“${f.text}”)`;
  }
}

function noteText(note: DoseNote, lang: Lang): string {
  const t = messages(lang).notes;
  switch (note.code) {
    case 'form-assumed':
      return t.formAssumed(note.form.name[lang]);
    case 'form-not-stated':
      return t.formNotStated(note.forms.map((f) => f.name[lang]).join(', '));
    case 'compound-or-measure':
      return t.compoundOrMeasure(note.form.name[lang], `${formatNumber(note.factor * 100, lang)}%`);
    case 'converted':
      return t.converted(note.form.name[lang], formatUnit(note.from, lang), formatSignificant(note.factor, lang), `${formatUnit(note.to.unit, lang)} ${note.to.of[lang]}`);
    case 'count-assumed':
      return t.countAssumed(formatUnit(note.per, lang));
    case 'per-session':
      return t.perSession(note.sessionsPerWeek, note.assumed);
    case 'non-session':
      return t.nonSession(note.sessionsPerWeek, note.assumed);
    case 'prn-maximum':
      return t.prnMaximum;
    case 'prn-maximum-administrations':
      return t.prnMaximumAdministrations;
    case 'range':
      return t.range;
    case 'concentration':
      return t.concentration(note.text);
    case 'per-kg':
      return t.perKg(formatAmount(note.perKg, note.perKg, note.unit, lang), `${formatNumber(note.weightKg, lang)} kg`);
    case 'ambiguous-number':
      return t.ambiguousNumber(note.text, formatNumber(note.read, lang), formatNumber(note.other, lang));
  }
}

export function describeReading(item: ResolvedItem, lang: Lang): Reading {
  const m = messages(lang);
  const p = item.parsed;
  const notes = new Set<string>();
  for (const ing of item.ingredients) {
    for (const n of ing.dose.notes) notes.add(noteText(n, lang));
    if (ing.dose.gap && !ing.dose.daily && ing.substance.review === 'full') notes.add(m.notes.doseGap(m.gaps[ing.dose.gap]));
    if (ing.routeAssumed && ing.substance.rules.some((r) => r.when.route)) notes.add(m.notes.routeAssumed);
  }
  if (item.ingredients.length === 0) {
    for (const n of p.notes) if (n.code === 'ambiguous-number') notes.add(noteText(n, lang));
  }
  for (const n of p.notes) if (n.code === 'meals-assumed') notes.add(m.notes.mealsAssumed(n.text));
  const forms = [...new Set(item.ingredients.flatMap((i) => (i.form && !i.product ? [i.form.name[lang]] : [])))];
  const reading: Reading = {
    recognised: item.matches.map((x) => ({
      text: x.text,
      name: (x.target.kind === 'product' ? item.ingredients.find((i) => i.product?.id === x.target.id)?.product?.name[lang] : undefined) ??
        (x.target.kind === 'substance' ? item.ingredients.find((i) => i.substance.id === x.target.id)?.substance.name[lang] : undefined) ??
        x.target.name,
      kind: x.target.kind,
      id: x.target.id,
    })),
    notes: [...notes],
    unread: item.unread,
  };
  if (forms.length > 0) reading.form = forms.join(', ');
  if (p.strength) reading.strength = `${formatAmount(p.strength.low, p.strength.high, p.strength.unit, lang)} (“${p.strength.text}”)`;
  if (p.count) reading.count = `${p.count.low === p.count.high ? formatNumber(p.count.high, lang) : `${formatNumber(p.count.low, lang)}–${formatNumber(p.count.high, lang)}`} (“${p.count.text}”)`;
  if (p.frequency) reading.frequency = frequencyText(p.frequency, lang);
  if (p.route) reading.route = `${m.reading[p.route.value]} (“${p.route.text}”)`;
  if (p.timing.length > 0) reading.timing = p.timing.map((t) => m.reading.timing[t.label]);
  return reading;
}

/** "Quinine: 178 mg quinine base per day averaged over the week (214 mg as written); 415 mg quinine base on each day it is taken": the amount as written is per day, beside the daily figure. */
function doseText(d: Omit<DailyDose, 'text'>, lang: Lang): string {
  const m = messages(lang);
  const of = d.of || undefined;
  const main = formatAmount(d.low, d.amount, d.unit, lang, of);
  const written = d.asWritten ? ` (${formatAmount(d.asWritten.low, d.asWritten.amount, d.asWritten.unit, lang)} ${m.ui.report.asWritten})` : '';
  const onDosingDay = d.onDosingDay ? `; ${formatAmount(d.onDosingDay.low, d.onDosingDay.amount, d.onDosingDay.unit, lang, of)} ${m.onDosingDays}` : '';
  return `${d.substance.name}: ${main} ${m.perDay}${onDosingDay ? ` ${m.ui.report.averaged}` : ''}${written}${onDosingDay}`;
}

export function dailyDoses(item: ResolvedItem, lang: Lang): DailyDose[] {
  return item.ingredients.flatMap((ing): DailyDose[] => {
    const d = ing.dose.daily;
    const w = ing.dose.dailyAsWritten;
    const substance = { id: ing.substance.id, name: ing.substance.name[lang] };
    let dose: Omit<DailyDose, 'text'> | undefined;
    if (d) {
      dose = { substance, amount: d.high, low: d.low, unit: d.unit, of: ing.substance.measure?.of[lang] ?? '' };
      const differs = w && (w.unit !== d.unit || Math.abs(w.high - d.high) > 1e-9);
      if (w && differs) dose.asWritten = { amount: w.high, low: w.low, unit: w.unit };
      const day = ing.dose.dosingDay;
      if (day) dose.onDosingDay = { amount: day.high, low: day.low, unit: day.unit };
    } else if (w && !ing.substance.measure) dose = { substance, amount: w.high, low: w.low, unit: w.unit, of: '' };
    return dose ? [{ ...dose, text: doseText(dose, lang) }] : [];
  });
}
