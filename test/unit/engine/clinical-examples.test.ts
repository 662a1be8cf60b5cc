/** The clinical examples the product is built for, checked against the real knowledge base. */
import { describe, expect, it } from 'vitest';
import { checkLines, checkOne } from '../../helpers/check.js';

describe('magnesium', () => {
  it('advises against a self-bought magnesium supplement, explaining accumulation, heart rhythm and muscle strength', () => {
    const { item } = checkOne('Magnesiumcitraat 400 mg 1x per dag');
    expect(item.verdict).toBe('avoid');
    const f = item.findings.find((x) => x.code === 'magnesium.supplement-accumulates');
    expect(f?.explanation).toMatch(/kidney/i);
    expect(f?.explanation).toMatch(/rhythm/i);
    expect(f?.explanation).toMatch(/weak/i);
    expect(f?.references.length).toBeGreaterThan(0);
  });

  it('treats the prescribed calcium acetate/magnesium carbonate binder as monitored use, not as a supplement', () => {
    const { item, codes } = checkOne('OsvaRen 2 tabletten 3dd');
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('magnesium.binder-monitored');
    expect(codes).not.toContain('magnesium.supplement-accumulates');
    expect(item.dailyDose).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ substance: { id: 'calcium', name: 'Calcium' }, amount: 660, unit: 'mg' }),
        expect.objectContaining({ substance: { id: 'magnesium', name: 'Magnesium' }, amount: 360, unit: 'mg' }),
      ]),
    );
  });

  it('adds up magnesium from two products', () => {
    const report = checkLines(['Magnesium 200 mg 1dd', 'Milk of magnesia 15 ml 1dd']);
    const total = report.totals.find((t) => t.substance.id === 'magnesium');
    expect(total?.items).toEqual([0, 1]);
    expect(total?.amount).toBeCloseTo(200 + 15 * 33.4, 0);
  });
});

describe('quinine', () => {
  it('never calls quinine 250 mg once daily ok, and names thrombocytopenia and the regulators', () => {
    const { item } = checkOne('Kinine 250 mg 1dd a.n.');
    expect(['caution', 'avoid']).toContain(item.verdict);
    const text = item.findings.map((f) => `${f.title} ${f.explanation}`).join(' ');
    expect(text).toMatch(/thrombocytopenia/i);
    expect(text).toMatch(/FDA/);
    expect(text).toMatch(/MHRA|BCFI/);
  });

  it('works out 600 mg a day for quinine sulfate 300 mg twice daily, above the limit', () => {
    const { item, codes } = checkOne('Quinine sulfate 300 mg twice daily');
    expect(item.dailyDose[0]?.asWritten).toMatchObject({ amount: 600, unit: 'mg' });
    expect(item.dailyDose[0]).toMatchObject({ amount: 498, unit: 'mg', of: 'quinine base' });
    expect(codes).toContain('quinine.above-cramp-dose');
    expect(item.verdict).toBe('avoid');
    const f = item.findings.find((x) => x.code === 'quinine.above-cramp-dose');
    expect(f?.explanation).toContain('498 mg quinine base');
    expect(f?.explanation).toContain('250 mg quinine base');
  });

  it('reads an unnamed quinine salt as the sulfate and says so', () => {
    const { item } = checkOne('Kinine 250 mg 1dd a.n.');
    expect(item.reading.notes.join(' ')).toMatch(/read as quinine sulfate/);
    expect(item.dailyDose[0]?.amount).toBeCloseTo(207.5, 1);
  });

  it('counts tonic water as quinine and as fluid, and adds it to quinine tablets', () => {
    const report = checkLines(['Tonic 1 l per dag', 'Kinine 300 mg a.n.']);
    expect(report.items[0]?.findings.map((f) => f.code)).toContain('tonic-water.fluid-and-quinine');
    const total = report.totals.find((t) => t.substance.id === 'quinine');
    expect(total?.items).toEqual([0, 1]);
    expect(total?.amount).toBeCloseTo(83 + 300 * 0.83, 1);
    expect(total?.severity).toBe('avoid');
  });
});

describe('vitamins', () => {
  it('works out 1000 mg a day for vitamin C 500 mg twice daily and explains oxalate build-up', () => {
    const { item } = checkOne('Vitamine C 500 mg 2 x daags');
    expect(item.dailyDose[0]).toMatchObject({ amount: 1000, unit: 'mg' });
    expect(item.findings.map((f) => f.explanation).join(' ')).toMatch(/oxalate/i);
    expect(item.verdict).not.toBe('ok');
  });

  it('finds the bleeding interaction between warfarin and vitamin E, and advises against the vitamin E', () => {
    const report = checkLines(['Warfarin 5 mg daily', 'Vitamin E 800 IU daily']);
    const x = report.interactions.find((i) => i.code === 'vitamin-e.coumarins');
    expect(x?.items).toEqual([0, 1]);
    expect(x?.explanation).toMatch(/bleed/i);
    // The supplement is the line to act on; the anticoagulant is kept, and says so.
    expect(x?.actOn).toEqual([1]);
    expect(report.summary.verdict).toBe('avoid');
    expect(report.items[1]?.verdict).toBe('avoid');
    expect(report.items[0]?.verdict).not.toBe('avoid');
    expect(report.items[1]?.findings.map((f) => f.code)).toContain('vitamin-e.coumarins');
    expect(report.items[0]?.findings.find((f) => f.code === 'interaction.keep-taking')?.title).toMatch(/^Keep taking warfarin; the interaction is dealt with on line 2/);
  });

  it('does not mistake another vitamin for vitamin E', () => {
    for (const [line, id] of [['Vitamine D 800 IE per dag', 'vitamin-d'], ['Vitamine B12 1000 mcg 1dd', 'vitamin-b12']] as const) {
      const { item } = checkOne(line);
      expect(item.substances.map((s) => s.id), line).toEqual([id]);
    }
  });
});

describe('L-carnitine', () => {
  it('separates an oral supplement from IV levocarnitine after dialysis', () => {
    expect(checkOne('L-carnitine 1000 mg 1dd').codes).toContain('l-carnitine.oral-not-recommended');
    const iv = checkOne('Levocarnitine 1 g IV na elke dialyse');
    expect(iv.codes).toContain('l-carnitine.iv-prescriber-managed');
    expect(iv.codes).not.toContain('l-carnitine.oral-not-recommended');
  });

  it('warns about the INR with a coumarin', () => {
    const report = checkLines(['Acenocoumarol 1 mg volgens trombosedienst', 'L-carnitine 500 mg 1dd']);
    expect(report.interactions.map((x) => x.code)).toContain('l-carnitine.coumarins');
  });
});

describe('what is not recognised is never reassuring', () => {
  it('reports an unknown product as unknown and never summarises the list as ok', () => {
    const report = checkLines(['Foobarex 10 mg', 'Vitamine C 50 mg 1dd']);
    expect(report.items[0]?.verdict).toBe('unknown');
    expect(report.items[0]?.findings[0]?.code).toBe('input.not-recognised');
    expect(report.items[1]?.verdict).toBe('ok');
    expect(report.summary.verdict).toBe('unknown');
    expect(report.summary.unknown).toBe(1);
  });

  it('returns every line, in order', () => {
    const lines = ['Foobarex 10 mg', 'Kinine 250 mg 1dd a.n.', 'Vitamine C 500 mg 2 x daags', 'iets onleesbaars', 'Digoxine 0,125 mg 1dd1'];
    expect(checkLines(lines).items.map((i) => i.input)).toEqual(lines);
  });

  it('says the dose was not checked when no frequency is written, instead of assuming once a day', () => {
    const { item, codes } = checkOne('Vitamine C 500 mg');
    expect(codes).toContain('dose.not-checked');
    expect(item.verdict).toBe('unknown');
    expect(item.findings.find((f) => f.code === 'dose.not-checked')?.explanation).toMatch(/does not assume once a day/);
  });

  it('still advises against a substance whose dose could not be read', () => {
    expect(checkOne('Magnesium').item.verdict).toBe('avoid');
  });

  it('reports a drug known only for its interactions as not checked', () => {
    const { item, codes } = checkOne('Kinidine 200 mg 3dd');
    expect(item.verdict).toBe('unknown');
    expect(item.coverage).toBe('interactions-only');
    expect(codes).toEqual(['kb.interactions-only']);
    expect(item.dailyDose[0]).toMatchObject({ amount: 600, unit: 'mg' });
  });

  it('still adds up the lines it could read when another line of the same substance has no dose', () => {
    const report = checkLines(['Kinine 250 mg 1dd1', 'Kinine 250 mg 1dd1', 'Kinine 250 mg']);
    const total = report.totals.find((t) => t.substance.id === 'quinine');
    expect(total).toMatchObject({ complete: false, severity: 'avoid' });
    expect(total?.amount).toBeGreaterThan(400);
    expect(total?.findings.map((f) => f.code)).toEqual(['total.incomplete', 'quinine.above-cramp-dose']);
    expect(total?.findings[1]?.explanation).toMatch(/lines whose dose could be read \(lines 1 and 2\) add up to/);
    expect(report.items.map((i) => i.verdict)).toEqual(['avoid', 'avoid', 'avoid']);
  });

  it('does not call a line within the limit when its substance adds up to too much over several lines', () => {
    const report = checkLines(['Tonic water 1 liter per dag', 'Kinine 250 mg 1dd']);
    for (const item of report.items) expect(item.findings.map((f) => f.code)).not.toContain('quinine.within-limits');
  });

  it.each([
    ['Kinine 200 mg a.n. en zo nodig extra', /on top of the regular dose/],
    ['Vitamine C een paar keer per week 500 mg', /not a number/],
    ['Kinine 200 mg 1dd, soms 2', /number that DialySafe could not place/],
    ['Levocarnitine 20 mg/kg IV post-dialysis', /per kilogram/],
  ])('says why the dose of "%s" was not checked, and does not call it ok', (line, reason) => {
    const { item } = checkOne(line);
    expect(item.verdict).not.toBe('ok');
    expect(item.dailyDose).toEqual([]);
    expect([...item.findings.map((f) => f.explanation), ...item.reading.notes].join(' ')).toMatch(reason);
  });

  it('works out a dose per kg from the target weight and shows it', () => {
    const { item } = checkOne('Levocarnitine 20 mg/kg IV na elke dialyse', { patient: { targetWeightKg: 70, sessionsPerWeek: 3 } });
    expect(item.dailyDose[0]?.amount).toBeCloseTo((1400 * 3) / 7, 3);
    expect(item.reading.notes.join(' ')).toMatch(/20 mg per kg × 70 kg/);
  });

  it.each([
    ['Kinine 500 mg na elke dialyse', 'quinine.above-cramp-dose'],
    ['Gabapentine 600 mg om de dag', 'gabapentin.above-dialysis-cap'],
    ['Pregabalin 150 mg q.o.d.', 'pregabalin.above-dialysis-cap'],
    ['Tizanidine 4 mg om de dag', 'tizanidine.above-renal-start-dose'],
  ])('holds "%s" to the daily limit on the days it is taken, not to the weekly average', (line, code) => {
    const { item, codes } = checkOne(line);
    expect(codes).toContain(code);
    expect(item.findings.find((f) => f.code === code)?.explanation).toMatch(/on each day it is taken/);
    expect(item.dailyDose[0]?.onDosingDay?.amount).toBeGreaterThan(item.dailyDose[0]?.amount ?? Infinity);
  });

  it('averages a limit on build-up over the week', () => {
    const { codes } = checkOne('Vitamine C 500 mg 3x per week');
    expect(codes).toContain('vitamin-c.above-dialysis-intake');
    expect(codes).not.toContain('vitamin-c.oxalate-build-up');
  });

  it('offers a close match but keeps the line unknown until it is accepted', () => {
    const { item } = checkOne('Kinnine 250 mg a.n.');
    expect(item.verdict).toBe('unknown');
    expect(item.suggestions[0]).toMatchObject({ id: 'quinine', correctedLine: 'Kinine 250 mg a.n.' });
  });
});

describe('every verdict is explained', () => {
  it('gives each finding a code, texts in the chosen language, evidence and a reference', () => {
    const lines = ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400mg daily', 'Vitamine C 50 mg 1dd', 'Foobarex', 'Warfarin 5 mg', 'Vitamine E 400 IE per dag'];
    for (const lang of ['en', 'nl'] as const) {
      const report = checkLines(lines, { lang });
      for (const item of report.items) {
        expect(item.findings.length, item.input).toBeGreaterThan(0);
        for (const f of item.findings) {
          expect(f.code).toMatch(/\./);
          for (const text of [f.title, f.explanation, f.advice, f.patient, f.evidence.summary]) {
            expect(text.length).toBeGreaterThan(0);
            expect(text).not.toMatch(/\{[a-z]+\}/i);
          }
          expect(f.references.length, `${item.input}: ${f.code}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('writes Dutch numbers with a decimal comma', () => {
    const { item } = checkOne('Kinine 250 mg 1dd a.n.', { lang: 'nl' });
    expect(item.findings.map((f) => f.title).join(' ')).toMatch(/kinine/i);
    expect(item.reading.strength).toContain('250 mg');
    const dig = checkOne('Digoxine 0,125 mg 1dd1', { lang: 'nl' });
    expect(dig.item.reading.strength).toContain('0,125 mg');
  });
});
