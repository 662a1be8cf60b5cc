/**
 * KB 2027.1.0: the items of the clinical safety review (issue 10) that need the new engine features as well as
 * the data: previous reactions (patient.allergies with crossReactsWith), the partner line of an interaction
 * (actOn), routes (topical magnesium, IV iron), the maintenance dose and the dose per session, readAs words,
 * and the `prescribed` tag. Written against the report the engine returns; they fail until the engine work
 * lands.
 */
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/patient.js';
import { checkLines, checkOne } from '../../helpers/check.js';

type Lang = 'en' | 'nl';
const LANGS: Lang[] = ['en', 'nl'];
const quinineAllergy: Patient = { allergies: ['kinine (trombocytopenie 2019)'] };

const codesOf = (report: ReturnType<typeof checkLines>, i: number) => report.items[i]?.findings.map((f) => f.code) ?? [];
const previousReaction = (report: ReturnType<typeof checkLines>, i: number) =>
  report.items[i]?.findings.find((f) => /allerg|previous-reaction/.test(f.code));

describe('D4: a previous reaction to quinine makes every cinchona alkaloid avoid', () => {
  it.each(['Kinine 200 mg a.n.', 'Hydrokinine 100 mg 1dd', 'Tonic 0,5 l per dag', 'Bitter lemon 1 glas', 'Kinabast 1 theelepel'])(
    '"%s" is avoid after "kinine (trombocytopenie 2019)"',
    (line) => {
      const report = checkLines([line], { patient: quinineAllergy });
      expect(report.items[0]?.verdict).toBe('avoid');
      expect(previousReaction(report, 0)?.severity).toBe('avoid');
    },
  );

  it('says "previous reaction" in both languages and both views', () => {
    for (const lang of LANGS) {
      const f = previousReaction(checkLines(['Hydrokinine 100 mg 1dd'], { patient: quinineAllergy, lang }), 0);
      expect(f?.title, lang).toMatch(lang === 'en' ? /previous reaction/i : /eerdere reactie/i);
      expect(f?.patient, lang).toMatch(lang === 'en' ? /reaction/ : /reactie/);
    }
  });

  it('reads a reaction to tonic water as a reaction to quinine', () => {
    const report = checkLines(['Kinine 200 mg a.n.'], { patient: { allergies: ['tonic water'] } });
    expect(report.items[0]?.verdict).toBe('avoid');
    expect(previousReaction(report, 0)).toBeDefined();
  });

  it('leaves lines without a cinchona alkaloid alone', () => {
    const report = checkLines(['Kinine 200 mg a.n.', 'Vitamine C 50 mg 1dd'], { patient: quinineAllergy });
    expect(previousReaction(report, 1)).toBeUndefined();
    expect(report.items[1]?.verdict).toBe('ok');
  });
});

describe('D6: the partner of an interaction is told to keep taking it', () => {
  it.each([
    ['Vitamine E 400 IE 1dd', 'Apixaban 5 mg 2dd', 'vitamin-e.anticoagulants'],
    ['Vitamine E 400 IE 1dd', 'Warfarine 5 mg 1dd', 'vitamin-e.coumarins'],
    ['Vitamine E 400 IE 1dd', 'Nadroparine 2850 IE 1dd', 'vitamin-e.anticoagulants'],
  ])('%s with %s: the anticoagulant line is caution, "keep taking it"', (supplement, anticoagulant, code) => {
    for (const lang of LANGS) {
      const report = checkLines([supplement, anticoagulant], { lang });
      expect(report.items[1]?.verdict, lang).not.toBe('avoid');
      const keep = report.items[1]?.findings.find((f) => f.code === 'interaction.keep-taking');
      expect(keep?.severity, lang).toBe('caution');
      expect(keep?.title, lang).toMatch(lang === 'en' ? /Keep taking/ : /Blijf .* innemen/);
      expect(keep?.patient, lang).toMatch(lang === 'en' ? /Keep taking/ : /Blijf/);
      expect(keep?.title, lang).toMatch(lang === 'en' ? /line 1/ : /regel 1/);
      expect(report.items[0]?.findings.map((f) => f.code)).toContain(code);
    }
  });

  it('quinine with amiodarone: quinine is avoid, amiodarone is kept', () => {
    const report = checkLines(['Kinine 200 mg a.n.', 'Amiodaron 200 mg 1dd']);
    expect(report.items[0]?.verdict).toBe('avoid');
    expect(codesOf(report, 0)).toContain('quinine.qt-prolonging');
    expect(report.items[1]?.verdict).toBe('caution');
    expect(codesOf(report, 1)).toContain('interaction.keep-taking');
    expect(codesOf(report, 1)).not.toContain('quinine.qt-prolonging');
  });

  it('quinine with gliclazide: the gliclazide line, itself to be avoided in dialysis, points to the quinine line without "keep taking"', () => {
    const report = checkLines(['Kinine 200 mg a.n.', 'Gliclazide 30 mg 1dd']);
    expect(codesOf(report, 0)).toContain('quinine.sulfonylureas');
    expect(report.items[1]?.verdict).toBe('avoid');
    expect(codesOf(report, 1)).toContain('interaction.see-line');
    expect(codesOf(report, 1)).not.toContain('interaction.keep-taking');
  });
});

describe('Routes: topical magnesium and IV iron are not read as oral', () => {
  it.each(['Magnesiumolie spray', 'Epsom zout voetbad', 'magnesium oil spray', 'Epsom salt bath'])(
    '"%s" is reported as a route that is not reviewed, not as oral magnesium',
    (line) => {
      const { item, codes } = checkOne(line);
      expect(item.verdict).not.toBe('avoid');
      expect(codes).toContain('route.not-reviewed');
      expect(codes).not.toContain('magnesium.supplement-accumulates');
    },
  );

  it('says why in both languages', () => {
    expect(checkOne('Epsom zout voetbad', { lang: 'en' }).item.findings[0]?.title).toMatch(/skin/);
    expect(checkOne('Epsom zout voetbad', { lang: 'nl' }).item.findings[0]?.title).toMatch(/huid/);
  });

  it('does not raise chelation with topical magnesium or IV iron', () => {
    const topical = checkLines(['Magnesiumolie spray', 'Ciprofloxacine 500 mg 1dd']);
    expect(topical.interactions.map((i) => i.code)).not.toContain('magnesium.chelated-drugs');
    const iv = checkLines(['Venofer 200 mg iv na dialyse', 'Levothyroxine 50 mcg 1dd', 'Vitamine C 50 mg 1dd']);
    const ivCodes = iv.interactions.map((i) => i.code);
    expect(ivCodes).not.toContain('iron.chelated-drugs');
    expect(ivCodes).not.toContain('vitamin-c.iron');
    const oral = checkLines(['Ferrofumaraat 200 mg 1dd', 'Levothyroxine 50 mcg 1dd']);
    expect(oral.interactions.map((i) => i.code)).toContain('iron.chelated-drugs');
  });
});

describe('D3/W2: gabapentinoids — maintenance dose and supplement after each session', () => {
  it.each([
    ['Gabapentine 200 mg 1dd + 250 mg na elke dialyse'],
    ['Gabapentin 200 mg daily and 250 mg after each dialysis'],
    ['Pregabaline 50 mg 1dd en 75 mg na dialyse'],
    ['Gabapentine 300 mg na elke dialyse'],
  ])('the label regimen "%s" is within limits', (line) => {
    const { item, codes } = checkOne(line);
    expect(item.verdict).toBe('ok');
    expect(codes.some((c) => c.endsWith('.within-limits'))).toBe(true);
  });

  it('accepts the regimen on two lines', () => {
    const report = checkLines(['Gabapentine 200 mg 1dd', 'Gabapentine 250 mg na elke dialyse']);
    expect(report.items.map((i) => i.verdict)).toEqual(['ok', 'ok']);
  });

  it('checks the supplement against its own limit', () => {
    const { item, codes } = checkOne('Gabapentine 300 mg 1dd + 400 mg na elke dialyse');
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('gabapentin.above-post-dialysis-dose');
    expect(codes).not.toContain('gabapentin.above-dialysis-cap');
    expect(checkOne('Pregabaline 75 mg 1dd + 150 mg na elke dialyse').codes).toContain('pregabalin.above-post-dialysis-dose');
  });

  it('checks the maintenance dose against the daily cap (avoid)', () => {
    const { item, codes } = checkOne('Pregabaline 150 mg 1dd + 75 mg na elke dialyse');
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('pregabalin.above-dialysis-cap');
    expect(codes).not.toContain('pregabalin.above-post-dialysis-dose');
  });
});

describe('D1: readAs — words on a salt or bouillon line mean the substitute', () => {
  it.each(['keukenzout light', 'zeezout natriumarm', 'salt lite', 'table salt low sodium', 'zout -30% natrium', 'tafelzout dieet', 'keukenzout mineraal', 'jodiumzout bewust'])(
    '"%s" is a potassium salt substitute',
    (line) => {
      const { item, codes } = checkOne(line);
      expect(item.verdict).toBe('avoid');
      expect(codes).toContain('potassium.salt-substitute');
      expect(codes).not.toContain('sodium-chloride.extra-salt-only-on-advice');
    },
  );

  it.each(['kippenbouillon minder zout', 'bouillon kip -30% zout', 'OXO light', 'stock cube less salt'])(
    '"%s" is low-sodium bouillon',
    (line) => {
      const { codes } = checkOne(line);
      expect(codes).toContain('low-sodium-bouillon.fluid');
      expect(codes).toContain('potassium.salt-substitute');
      expect(codes).not.toContain('bouillon.fluid-and-salt');
    },
  );

  it('leaves plain salt and bouillon alone', () => {
    expect(checkOne('zout 1 theelepel').codes).not.toContain('potassium.salt-substitute');
    expect(checkOne('kippenbouillon 1 kop').codes).not.toContain('potassium.salt-substitute');
  });

  it('warns about a substitute in any word order when the patient left below target weight', () => {
    const report = checkLines(['keukenzout light'], { patient: { belowTargetWeight: true } });
    expect(report.context.map((c) => c.code)).toContain('context.below-target-weight-salt-substitute');
  });
});

describe('The prescribed tag: repletion for a measured low level is a monitored caution', () => {
  it.each([
    ['Kaliumchloride 600 mg 2dd voorgeschreven', 'potassium.prescribed-for-low-level', 'potassium.hyperkalaemia'],
    ['Kaliumchloride 600 mg 2dd op voorschrift', 'potassium.prescribed-for-low-level', 'potassium.hyperkalaemia'],
    ['Potassium chloride 600 mg twice daily (Rx)', 'potassium.prescribed-for-low-level', 'potassium.hyperkalaemia'],
    ['Magnesiumoxide 400 mg 1dd voorgeschreven', 'magnesium.prescribed-for-low-level', 'magnesium.supplement-accumulates'],
    ['Vitamine A 5000 IE 1dd voorgeschreven', 'vitamin-a.prescribed', 'vitamin-a.accumulates-in-dialysis'],
  ])('"%s" is caution with monitoring', (line, caution, avoid) => {
    const { item, codes } = checkOne(line);
    expect(item.verdict).toBe('caution');
    expect(codes).toContain(caution);
    expect(codes).not.toContain(avoid);
  });

  it('explains the monitoring in both languages', () => {
    const en = checkOne('Kaliumchloride 600 mg 2dd voorgeschreven', { lang: 'en' }).item.findings[0];
    const nl = checkOne('Kaliumchloride 600 mg 2dd voorgeschreven', { lang: 'nl' }).item.findings[0];
    expect(en?.patient).toMatch(/blood checks/);
    expect(nl?.patient).toMatch(/bloedcontroles/);
  });

  it('keeps vitamin B6 above 25 mg a caution, not avoid, when prescribed', () => {
    const { item, codes } = checkOne('Pyridoxine 50 mg 1dd voorgeschreven');
    expect(item.verdict).toBe('caution');
    expect(codes).not.toContain('pyridoxine.neuropathy-range');
  });

  it('does not count a prescribed calcium tablet as self-bought', () => {
    expect(checkOne('Calcium 500 mg 1dd voorgeschreven').codes).not.toContain('calcium.self-bought');
  });
});
