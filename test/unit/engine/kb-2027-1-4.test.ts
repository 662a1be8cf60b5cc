/**
 * KB 2027.1.4: the advice for simvastatin with a strong CYP3A4 inhibitor no longer offers
 * rosuvastatin, which this knowledge base flags in dialysis, as the statin to switch to; the full
 * fluconazole dose after each dialysis, the label's regimen, is not held to the halved daily limit.
 */
import { describe, expect, it } from 'vitest';
import { checkLines } from '../../helpers/check.js';

describe('simvastatin with a strong CYP3A4 inhibitor', () => {
  it.each([
    ['en', ['Simvastatin 40 mg ON', 'Clarithromycin 500 mg BD'], /switch to pravastatin, a statin not broken down by CYP3A4, when clarithromycin is long-term \(not rosuvastatin/],
    ['nl', ['Simvastatine 40 mg 1dd1', 'Itraconazol 200 mg 1dd1'], /schakel over op pravastatine, .* als itraconazol langdurig is \(niet rosuvastatine/],
  ] as const)('offers pravastatin, not rosuvastatin, as the statin to switch to (%s)', (lang, lines, advice) => {
    const report = checkLines([...lines], { lang });
    const x = report.interactions.find((i) => i.code === 'simvastatin.strong-cyp3a4-inhibitors');
    expect(x?.actOn).toEqual([0]);
    expect(x?.advice).toMatch(advice);
    // Following the advice does not land on a statin the knowledge base advises against in dialysis.
    const switched = checkLines(['Pravastatine 40 mg 1dd1'], { lang });
    expect(switched.items[0]?.verdict).toBe('ok');
  });
});

describe('fluconazole in dialysis', () => {
  const codes = (line: string) => checkLines([line], { lang: 'nl' }).items[0]?.findings.map((f) => f.code) ?? [];

  it("does not hold the label's full dose after each session to the halved daily limit, and still asks to check the dose", () => {
    const report = checkLines(['Fluconazol 800 mg na elke dialyse'], { lang: 'nl' });
    expect(report.items[0]?.findings.map((f) => f.code)).toEqual(['fluconazole.renal-dose-after-dialysis']);
    expect(report.items[0]?.verdict).toBe('caution');
  });

  it.each(['Fluconazol 600 mg 1dd1', 'Fluconazol 300 mg 2dd1', 'Fluconazol 600 mg 1dd + 800 mg na elke dialyse'])('holds a daily dose above 400 mg to the halved limit: %s', (line) => {
    expect(codes(line)).toContain('fluconazole.above-renal-dose');
  });

  it('leaves a halved daily dose with the full dose after each session alone', () => {
    expect(codes('Fluconazol 200 mg 1dd + 400 mg na elke dialyse')).not.toContain('fluconazole.above-renal-dose');
  });

  it('reads "3x per week na dialyse" as a dose after each of those sessions, averaged over the week as written', () => {
    const report = checkLines(['Fluconazol 800 mg 3x per week na dialyse'], { lang: 'nl' });
    expect(report.items[0]?.findings.map((f) => f.code)).toEqual(['fluconazole.renal-dose-after-dialysis']);
    expect(report.items[0]?.dailyDose[0]?.amount).toBeCloseTo((800 * 3) / 7);
    const above = codes('Fluconazole 1600 mg 3 times a week after dialysis');
    expect(above).toContain('fluconazole.above-session-maximum');
    expect(above).not.toContain('fluconazole.above-renal-dose');
    // Without the sessions, three times a week is a daily regimen's dose on the days it is taken.
    expect(codes('Fluconazol 800 mg 3x per week')).toContain('fluconazole.above-renal-dose');
  });

  it('names a dose after each session above the full 800 mg as too much, and not the full dose', () => {
    const report = checkLines(['Fluconazole 1600 mg after each dialysis'], { lang: 'en' });
    const above = report.items[0]?.findings.find((f) => f.code === 'fluconazole.above-session-maximum');
    expect(above?.explanation).toMatch(/^A dose of 1,600 mg fluconazole after a session is more than 800 mg fluconazole/);
    expect(codes('Fluconazol 800 mg na elke dialyse')).not.toContain('fluconazole.above-session-maximum');
  });
});

describe('the daily dose of a line taken on some days', () => {
  it('puts the amount as written beside the daily figure it equals, not beside the dose on the days it is taken', () => {
    const dose = checkLines(['Kinine 500 mg 3x per week na dialyse'], { lang: 'en' }).items[0]?.dailyDose[0];
    expect(dose?.asWritten?.amount).toBeCloseTo((500 * 3) / 7);
    expect(dose?.text).toBe('Quinine: 178 mg quinine base per day averaged over the week (214 mg as written); 415 mg quinine base on each day it is taken');
  });
});

describe('a limit on the maintenance dose, for a line given only at sessions', () => {
  it.each([
    ['Topiramaat 400 mg na elke dialyse', 'topiramate'],
    ['Topiramate 400 mg 3 times a week after dialysis', 'topiramate'],
    ['Lacosamide 400 mg na elke dialyse', 'lacosamide'],
  ])('is not passed at 0 mg when no limit per session stands beside it: %s is not checked', (line, id) => {
    const item = checkLines([line], { lang: 'en' }).items[0];
    expect(item?.verdict).toBe('unknown');
    const f = item?.findings.find((x) => x.code === 'dose.not-checked');
    expect(f?.explanation).toMatch(/^The line gives a dose at dialysis sessions\. The knowledge base limits the daily dose between sessions, but gives no limit for a dose at a session\./);
    // The dose was read: the advice is not to add what the line already says.
    expect(f?.advice).toMatch(/^Check the dose given at each session by hand/);
    expect(f?.patient).toMatch(/^DialySafe has no limit for a dose given at dialysis/);
    expect(item?.substances.map((x) => x.id)).toEqual([id]);
    expect(item?.findings.map((x) => x.code)).not.toContain(`${id}.within-limits`);
  });

  it.each(['en', 'nl'] as const)('does not pass the total of two such lines either (%s): the total is not checked, and so is the list', (lang) => {
    const report = checkLines(['Topiramaat 400 mg na elke dialyse', 'Topiramaat 100 mg na elke dialyse'], { lang });
    const total = report.totals.find((t) => t.substance.id === 'topiramate');
    expect(total?.findings.map((f) => f.code)).toEqual(['dose.not-checked']);
    expect(total?.findings[0]?.explanation).toMatch(
      lang === 'en'
        ? /^Added up over lines 1 and 2: .*\. At least one of these lines gives a dose at dialysis sessions\. .*gives no limit for a dose at a session/
        : /^Opgeteld over regels 1 en 2: .*\. Minstens één van deze regels geeft een dosis bij de dialysesessies\. .*geeft geen grens voor een dosis bij een sessie/,
    );
    // What is said of one line is not said of a total of two.
    expect(total?.findings[0]?.explanation).not.toMatch(/The line gives|De regel geeft/);
    expect(report.summary).toMatchObject({ verdict: 'unknown', lines: [0, 1] });
  });

  it('says of a total within the limit the dose it compared, not the sum of everything given', () => {
    const gabapentin = checkLines(['Gabapentine 300 mg na elke dialyse', 'Gabapentine 100 mg 1dd']).totals[0]?.findings[0];
    expect(gabapentin?.code).toBe('gabapentin.within-limits');
    expect(gabapentin?.explanation).toContain('The daily maintenance dose of 100 mg gabapentin is within');
  });

  it('does not let the maintenance dose vouch for a dose at sessions beside it, on one line or added up', () => {
    const line = checkLines(['Topiramaat 100 mg 1dd + 4000 mg na elke dialyse']);
    expect(line.items[0]?.verdict).toBe('unknown');
    expect(line.items[0]?.findings.map((f) => f.code)).toEqual(['dose.not-checked']);
    const total = checkLines(['Topiramaat 4000 mg na elke dialyse', 'Topiramaat 25 mg 1dd']).totals[0];
    expect(total?.findings.map((f) => f.code)).toEqual(['dose.not-checked']);
    expect(total?.severity).not.toBe('info');
  });

  it('says nothing is within a limit of a total that no limit applies to', () => {
    // Aciclovir's daily limit is for the oral route; two infusions are added up but not compared.
    const total = checkLines(['Aciclovir 800 mg iv 3dd', 'Aciclovir 800 mg iv 1dd']).totals[0];
    expect(total?.items).toEqual([0, 1]);
    expect(total?.findings.map((f) => f.code)).not.toContain('aciclovir.within-limits');
  });

  it('reads a dose grid on each side of the join as a maintenance dose and a supplement', () => {
    const { items } = checkLines(['Gabapentine 100-0-100 mg + 250-0-0 mg na elke dialyse']);
    expect(items[0]?.findings.map((f) => f.code)).toEqual(['gabapentin.within-limits']);
  });

  it('still holds a daily regimen to it, and a substance with a limit per session to that limit', () => {
    expect(checkLines(['Topiramaat 300 mg 2dd1']).items[0]?.findings.map((x) => x.code)).toContain('topiramate.above-renal-maximum');
    expect(checkLines(['Gabapentine 600 mg na elke dialyse']).items[0]?.findings.map((x) => x.code)).toContain('gabapentin.above-post-dialysis-dose');
  });
});
