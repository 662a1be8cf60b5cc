import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/intake/parse-line.js';

const perDay = (line: string) => {
  const f = parseLine(line).frequency;
  if (f?.kind !== 'regular') throw new Error(`no regular frequency in "${line}": ${JSON.stringify(f)}`);
  return f.perDay.high;
};

describe('intake: strengths', () => {
  it.each([
    ['Kinine 250 mg 1dd a.n.', 250, 'mg'],
    ['Digoxine 0,125 mg 1dd1', 0.125, 'mg'],
    ['Digoxin 0.125mg daily', 0.125, 'mg'],
    ['Vitamine E 400 IE per dag', 400, 'IU'],
    ['Vitamin E 400 I.U. daily', 400, 'IU'],
    ['Calcium 1 g daily', 1000, 'mg'],
    ['Vitamin B12 1000 mcg daily', 1, 'mg'],
    ['Vitamine D 25 µg per dag', 0.025, 'mg'],
    ['Kaliumchloride 8 mmol 2dd', 8, 'mmol'],
    ['tonic 0,5 l per dag', 500, 'ml'],
    ['Milk of magnesia 1 eetlepel', 15, 'ml'],
  ])('%s → %s %s', (line, amount, unit) => {
    const s = parseLine(line).strength;
    expect(s?.high).toBeCloseTo(amount, 6);
    expect(s?.unit).toBe(unit);
  });

  it('reads "1,000 IU" as a thousand and says it could have meant one', () => {
    const p = parseLine('Vitamin E 1,000 IU daily');
    expect(p.strength?.high).toBe(1000);
    expect(p.notes).toContainEqual({ code: 'ambiguous-number', text: '1,000', read: 1000, other: 1 });
  });

  it('reads a count with a strength per unit', () => {
    const p = parseLine('Kinine 2 tabletten van 250 mg a.n.');
    expect(p.count).toMatchObject({ low: 2, high: 2 });
    expect(p.strength).toMatchObject({ high: 250, unit: 'mg' });
  });

  it('reads a range of units', () => {
    expect(parseLine('OsvaRen 1-2 tabletten 3dd').count).toMatchObject({ low: 1, high: 2 });
  });

  it('refuses to pick one of two different strengths', () => {
    const p = parseLine('Calcichew 500 mg 400 IE');
    expect(p.strength).toBeUndefined();
    expect(p.notes.map((n) => n.code)).toContain('several-strengths');
  });
});

describe('intake: frequencies', () => {
  it.each([
    ['Kinine 250 mg 1dd a.n.', 1],
    ['Quinine sulfate 300 mg twice daily', 2],
    ['Vitamine C 500 mg 2 x daags', 2],
    ['Magnesium citrate 400mg daily', 1],
    ['Baclofen 10 mg three times daily', 3],
    ['Gabapentin 300 mg three times a day', 3],
    ['Tizanidine 4 mg tid', 3],
    ['Ciprofloxacin 500 mg bid', 2],
    ['Hydrokinine 100 mg 3dd1', 3],
    ['Paracetamol 500 mg q6h', 4],
    ['Vitamine C 250 mg driemaal daags', 3],
    ['Calcium 500 mg \'s morgens en \'s avonds', 2],
    ['Vitamine E 400 IE 1x per dag', 1],
  ])('%s → %s per day', (line, n) => {
    expect(perDay(line)).toBeCloseTo(n, 6);
  });

  it.each([
    ['Vitamine C 250 mg 3 x per week', 3 / 7],
    ['Vitamin E 400 IU every other day', 0.5],
    ['Vitamine E 400 IE om de dag', 0.5],
    ['Vitamin D 50000 IU weekly', 1 / 7],
  ])('%s → %s per day', (line, n) => {
    expect(perDay(line)).toBeCloseTo(n, 6);
  });

  it('reads per-session dosing', () => {
    expect(parseLine('L-carnitine 1 g IV na elke dialyse').frequency).toMatchObject({ kind: 'per-session', perSession: { high: 1 } });
  });

  it('reads "as needed" with its maximum', () => {
    expect(parseLine('Kinine 250 mg zo nodig, max 1 per dag').frequency).toMatchObject({ kind: 'prn', max: { perDay: { high: 1 } } });
  });

  it('says when "as needed" has no maximum', () => {
    const p = parseLine('Kinine 250 mg z.n.');
    expect(p.frequency).toMatchObject({ kind: 'prn' });
    expect(p.notes.map((n) => n.code)).toContain('prn-without-maximum');
  });

  it('does not assume once daily when no frequency is written', () => {
    expect(parseLine('Vitamin E 400 IU').frequency).toBeUndefined();
  });

  it('refuses to choose between two different frequencies', () => {
    const p = parseLine('Kinine 250 mg 1dd 3 x per dag');
    expect(p.frequency).toBeUndefined();
    expect(p.notes.map((n) => n.code)).toContain('several-frequencies');
  });
});

describe('intake: schedules, weekdays and periods', () => {
  it.each([
    ['Vitamin C 250 mg Mon/Wed/Fri', 3 / 7],
    ['Vitamine C 500 mg ma/wo/vr', 3 / 7],
    ['Vitamine E 400 IE op maandag', 1 / 7],
    ['Coumadin 2 mg daily except Sundays', 6 / 7],
    ['Cordarone 100 mg 5 dagen per week', 5 / 7],
    ['Darbepoetin 40 microgram every 2 weeks', 1 / 14],
    ['Colecalciferol 25.000 IE 1x per 4 weken', 1 / 28],
    ['Digoxin 0,0625 mg q.o.d.', 0.5],
    ['Quinine 200 mg every other night', 0.5],
    ['Vitamin C 500 mg 1 or 2 a day', 2],
    ['Gabapentin 300 mg three times a week after dialysis', 3 / 7],
    ['Levocarnitine 1 g IV na elke dialyse (4x per week)', 4 / 7],
  ])('%s → %s per day', (line, n) => {
    expect(perDay(line)).toBeCloseTo(n, 6);
  });

  it('adds up different counts at different times of day', () => {
    const f = parseLine('Inhibin 100 mg 2 tabletten bij de avondmaaltijd en 1 voor het slapen').frequency;
    expect(f).toMatchObject({ kind: 'schedule', perDay: { high: 2 }, unitsPerDay: { high: 3 }, unitsPerTime: { high: 2 } });
  });

  it('reads the Belgian 1-0-1 grid as morning and evening', () => {
    expect(parseLine('Magnesium 250 mg 1-0-1').frequency).toMatchObject({ kind: 'schedule', perDay: { high: 2 }, unitsPerDay: { high: 2 } });
  });

  it('reads half a tablet, written either way', () => {
    expect(parseLine('Kinine 250 mg 1dd ½ tablet a.n.').count).toMatchObject({ high: 0.5 });
    expect(parseLine('Digoxine 0,25 mg 1/2 tablet om de dag').count).toMatchObject({ high: 0.5 });
  });

  it('keeps a dose per kilogram as such', () => {
    expect(parseLine('Levocarnitine 20 mg/kg IV post-dialysis').strength).toMatchObject({ high: 20, unit: 'mg', perKg: true });
  });

  it('keeps a maximum amount a day next to the strength', () => {
    const p = parseLine('Milk of magnesia 15-30 ml prn, max 60 ml/day');
    expect(p.strength).toMatchObject({ low: 15, high: 30, unit: 'ml' });
    expect(p.frequency).toMatchObject({ kind: 'prn', max: { amount: 60, unit: 'ml' } });
  });

  it.each([
    ['Kinine 200 mg a.n. en zo nodig extra', 'prn-extra'],
    ['Vitamine C een paar keer per week 500 mg', 'vague-frequency'],
    ['Vitamin E 400 IU daily or every other day', 'several-frequencies'],
    ['Vitamin E 400/800 IU daily', 'several-strengths'],
    ['Heparin 1000 units/hour during dialysis', 'rate-per-hour'],
    ['Kinine ? mg a.n.', 'unknown-strength'],
  ])('says what it could not read in "%s" (%s) instead of guessing', (line, code) => {
    const p = parseLine(line);
    expect(p.notes.map((n) => n.code)).toContain(code);
    if (code !== 'several-strengths' && code !== 'unknown-strength') expect(p.frequency).toBeUndefined();
    if (code === 'several-strengths' || code === 'unknown-strength') expect(p.strength).toBeUndefined();
  });

  it('does not read a start date as a dose', () => {
    const p = parseLine('Kininesulfaat 250mg a.n. sinds 2019');
    expect(p.strength).toMatchObject({ high: 250 });
    expect(p.nameRuns.flat().some((t) => t.kind === 'number')).toBe(false);
  });
});

describe('intake: routes and names', () => {
  it.each([
    ['L-carnitine 1 g IV na elke dialyse', 'iv'],
    ['Levocarnitine 1000 mg intraveneus', 'iv'],
    ['Levocarnitine 1 g in de lijn na dialyse', 'iv'],
    ['L-carnitine 500 mg oraal 1dd', 'oral'],
  ])('%s → %s', (line, route) => {
    expect(parseLine(line).route?.value).toBe(route);
  });

  it('leaves the name for the knowledge base', () => {
    const runs = parseLine('Magnesium citrate 400mg daily').nameRuns.map((r) => r.map((t) => t.text).join(' '));
    expect(runs).toEqual(['Magnesium citrate']);
  });
});

describe('intake: any string', () => {
  it('never throws and always returns the line it was given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: 'grapheme' }), (line) => {
        const p = parseLine(line);
        expect(p.input).toBe(line);
        expect(Array.isArray(p.notes)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on lines made of medication words', () => {
    const word = fc.constantFrom('kinine', '250', 'mg', '1dd', 'a.n.', 'x', 'per', 'dag', 'max', 'zo nodig', '1-2', ',', '0,5', '1.000', 'IE', 'na', 'dialyse', 'q', 'h', 'iv', '3', 'tabletten', 'van', 'om de', 'week');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const line = words.join(' ');
        expect(parseLine(line).input).toBe(line);
      }),
      { numRuns: 2000 },
    );
  });
});
