/**
 * KB 2027.1.0: the clinical safety review of KB 2026.12.0 (issue 10), for the items the knowledge-base data
 * fixes on its own. Each line goes through the real engine and the real knowledge base in data/; every test
 * here fails against the data of 2026.12.0. Tests that need the new engine features (allergies, the partner
 * line of an interaction, routes, maintenance and session doses, readAs, the prescribed tag) are in
 * kb-2027-engine.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/patient.js';
import { checkLines, checkOne } from '../../helpers/check.js';
import { DATA_DIR, kbData } from '../../helpers/kb.js';

type Lang = 'en' | 'nl';
const LANGS: Lang[] = ['en', 'nl'];

const finding = (line: string, code: string, lang: Lang = 'en', patient: Patient = {}) =>
  checkOne(line, { lang, patient }).item.findings.find((f) => f.code === code);
const interaction = (lines: string[], code: string, lang: Lang = 'en', patient: Patient = {}) =>
  checkLines(lines, { lang, patient }).interactions.find((i) => i.code === code);
const substanceIds = (line: string) => checkOne(line).item.substances.map((s) => s.id);
const substance = (id: string) => {
  const s = kbData().substances.find((x) => x.id === id);
  if (!s) throw new Error(`no substance ${id}`);
  return s;
};

describe('D1: potassium salt substitutes are recognised by brand and wording', () => {
  it.each(['Seltin zout', 'Seltin', 'Jozo Bewust zout', 'Jozo Light', 'Nu-Salt', 'zout minder natrium'])(
    '"%s" is a potassium salt substitute and avoided',
    (line) => {
      const { item, codes } = checkOne(line);
      expect(item.verdict).toBe('avoid');
      expect(codes).toContain('potassium.salt-substitute');
      expect(item.substances.map((s) => s.id)).toContain('potassium');
    },
  );

  it.each(['Zout -30% 1 theelepel per dag', 'Jozo zout −50%', 'zout 30% minder natrium'])('"%s": a percentage less sodium makes it a salt substitute', (line) => {
    expect(checkOne(line).codes).toContain('potassium.salt-substitute');
  });

  it.each(['Zout 30 g per dag', 'zout 50 g', 'Keukenzout 70 mg'])('"%s": a weight of salt is salt, not a salt substitute with that percentage less sodium', (line) => {
    expect(substanceIds(line)).not.toContain('potassium');
  });

  it.each(['Maggi bouillon minder zout', 'Knorr minder zout', 'bouillonblokjes minder zout'])(
    '"%s" is low-sodium bouillon, not ordinary bouillon',
    (line) => {
      const { item, codes } = checkOne(line);
      expect(item.verdict).toBe('avoid');
      expect(codes).toContain('potassium.salt-substitute');
      expect(codes).toContain('low-sodium-bouillon.fluid');
      expect(codes).not.toContain('bouillon.fluid-and-salt');
    },
  );

  it('gives the LoSalt and Seltin compositions from the manufacturers', () => {
    const products = kbData().products;
    const losalt = products.find((p) => p.id === 'losalt');
    expect(losalt?.ingredients.map((i) => i.substance)).toEqual(['potassium', 'sodium-chloride']);
    expect(losalt?.ingredients[0]?.amountNote?.en).toMatch(/66\.6%/);
    expect(losalt?.ingredients[0]?.amountNote?.nl).toMatch(/66,6%/);
    const seltin = products.find((p) => p.id === 'seltin');
    expect(seltin?.ingredients[0]?.amountNote?.en).toMatch(/40% potassium chloride/);
    expect(seltin?.ingredients[0]?.amountNote?.nl).toMatch(/40% uit kaliumchloride/);
  });

  it('names the substitute when the patient left below target weight, in both languages', () => {
    for (const lang of LANGS) {
      const report = checkLines(['Seltin zout'], { patient: { belowTargetWeight: true }, lang });
      const ctx = report.context.find((c) => c.code === 'context.below-target-weight-salt-substitute');
      expect(ctx, lang).toBeDefined();
      expect(ctx?.severity).toBe('avoid');
      expect(report.items[0]?.verdict).toBe('avoid');
    }
  });

  it('keeps ordinary Jozo salt as salt while the Jozo potassium salts are substitutes', () => {
    expect(checkOne('Jozo Bewust').codes).toContain('potassium.salt-substitute');
    const plain = checkOne('Jozo zout');
    expect(plain.codes).toContain('sodium-chloride.extra-salt-only-on-advice');
    expect(plain.codes).not.toContain('potassium.salt-substitute');
  });
});

describe('D2: magnesium inside combination products is counted', () => {
  it('reads Magne B6 as magnesium and vitamin B6, contraindicated in severe kidney failure', () => {
    const { item, codes } = checkOne('Magne B6 3dd2');
    expect(item.substances.map((s) => s.id)).toEqual(expect.arrayContaining(['magnesium', 'pyridoxine']));
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('magne-b6.contraindicated-in-kidney-failure');
    expect(codes).toContain('magnesium.supplement-accumulates');
    const mg = item.dailyDose.find((d) => d.substance.id === 'magnesium');
    expect(mg?.amount).toBeCloseTo(288, 0); // 6 tablets x 48 mg
  });

  it('reads Magne B6 Forte as 100 mg magnesium and 10 mg vitamin B6 a tablet', () => {
    const { item, codes } = checkOne('Magne B6 Forte 2dd1');
    expect(codes).toContain('magne-b6-forte.contraindicated-in-kidney-failure');
    expect(item.dailyDose.find((d) => d.substance.id === 'magnesium')?.amount).toBeCloseTo(200, 0);
    expect(item.dailyDose.find((d) => d.substance.id === 'pyridoxine')?.amount).toBeCloseTo(20, 0);
  });

  it.each([
    ['Rennie 3dd1', 'rennie.contraindicated-in-kidney-failure', ['calcium', 'magnesium']],
    ['Maalox 3dd1', 'maalox.contraindicated-in-kidney-failure', ['magnesium', 'aluminium-hydroxide']],
    ['CitraFleet 2 sachets', 'citrafleet.contraindicated-in-kidney-failure', ['magnesium']],
    ['Picolax', 'picolax.contraindicated-in-kidney-failure', ['magnesium']],
    ['Picoprep', 'picoprep.contraindicated-in-kidney-failure', ['magnesium']],
    ['Citramag', 'citramag.contraindicated-in-kidney-failure', ['magnesium']],
  ])('"%s" resolves its magnesium and is avoided', (line, code, ingredients) => {
    const { item, codes } = checkOne(line);
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain(code);
    expect(item.substances.map((s) => s.id)).toEqual(expect.arrayContaining(ingredients));
  });

  it('explains the contraindication of the bowel preparations in both languages', () => {
    expect(finding('CitraFleet', 'citrafleet.contraindicated-in-kidney-failure')?.title).toMatch(/kidney failure/i);
    expect(finding('CitraFleet', 'citrafleet.contraindicated-in-kidney-failure', 'nl')?.title).toMatch(/nierfalen|nierinsufficiëntie/i);
  });

  it.each([
    ['Slow-Mag 2dd1', 'magnesium'],
    ['Mag-Ox 400 1dd', 'magnesium'],
  ])('recognises the magnesium brand "%s"', (line, id) => {
    expect(substanceIds(line)).toContain(id);
  });
});

describe('D3: pregabalin above its renal ceiling is avoided, like gabapentin', () => {
  it.each(['Pregabaline 300 mg 2dd', 'Lyrica 150 mg 2dd', 'pregabalin 600 mg daily'])('"%s" is avoid', (line) => {
    const { item, codes } = checkOne(line);
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('pregabalin.above-dialysis-cap');
  });

  it('no longer describes the retired "x 3/7" averaging in any gabapentinoid text', () => {
    const texts = JSON.stringify([substance('gabapentin'), substance('pregabalin')]);
    expect(texts).not.toMatch(/3\/7|× ?3|x 3\/7/);
  });

  it('checks the dose after each session with a session rule', () => {
    const rules = [...substance('gabapentin').rules, ...substance('pregabalin').rules];
    const session = rules.filter((r) => r.when.sessionDoseAbove).map((r) => [r.code, r.when.sessionDoseAbove?.amount]);
    expect(session).toEqual([
      ['gabapentin.above-post-dialysis-dose', 350],
      ['pregabalin.above-post-dialysis-dose', 100],
    ]);
    const caps = rules.filter((r) => r.when.doseBasis === 'maintenance').map((r) => [r.code, r.severity]);
    expect(caps).toEqual([
      ['gabapentin.above-dialysis-cap', 'avoid'],
      ['pregabalin.above-dialysis-cap', 'avoid'],
    ]);
  });
});

describe('D4: quinine cross-reacts with all cinchona alkaloids', () => {
  it('gives quinine and hydroquinine crossReactsWith: [cinchona-alkaloids]', () => {
    expect(substance('quinine').crossReactsWith).toEqual(['cinchona-alkaloids']);
    expect(substance('hydroquinine').crossReactsWith).toEqual(['cinchona-alkaloids']);
  });
});

describe('D5: vitamin B6 uses the EFSA 2023 upper level of 12 mg a day', () => {
  it('is caution above 12 mg, in both languages', () => {
    const { item, codes } = checkOne('Vitamine B6 20 mg 1dd');
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('pyridoxine.above-upper-limit');
    for (const lang of LANGS) {
      const f = finding('Vitamine B6 20 mg 1dd', 'pyridoxine.above-upper-limit', lang);
      expect(f?.title, lang).toMatch(/12 mg/);
      expect(f?.explanation, lang).toMatch(/EFSA/);
    }
  });

  it('is avoid at 50 mg, the EFSA reference point', () => {
    const { item, codes } = checkOne('Pyridoxine 50 mg 1dd');
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('pyridoxine.neuropathy-range');
    expect(finding('Pyridoxine 50 mg 1dd', 'pyridoxine.neuropathy-range', 'nl')?.explanation).toMatch(/50 mg per dag/);
  });

  it('is a caution in the KB index, not ok', () => {
    expect(substance('pyridoxine').verdictInDialysis).toBe('caution');
  });

  it('tells a B-complex user the 12 mg limit, not 100 mg', () => {
    for (const lang of LANGS) {
      const advice = checkOne('Vitamine B-complex 1dd1', { lang }).item.findings.map((f) => f.advice).join(' ');
      expect(advice, lang).toMatch(/B6 (above|boven) 12 mg/);
      expect(advice, lang).not.toMatch(/100 mg/);
    }
  });
});

describe('D6 (data): each interaction names the line to act on', () => {
  it('puts the vitamin E-anticoagulant interaction on the vitamin E line', () => {
    const i = interaction(['Vitamine E 400 IE 1dd', 'Nadroparine 2850 IE 1dd'], 'vitamin-e.anticoagulants');
    expect(i?.actOn).toEqual([0]);
    expect(i?.severity).toBe('caution');
    for (const lang of LANGS) {
      const t = interaction(['Vitamine E 400 IE 1dd', 'Apixaban 2,5 mg 2dd'], 'vitamin-e.anticoagulants', lang);
      expect(t?.patient, lang).toMatch(lang === 'en' ? /keep taking your blood thinner/i : /Blijf uw bloedverdunner/);
    }
  });
});

describe('W1: quinine above the cramp dose says what is true', () => {
  it('no longer says "more than is ever used for cramps"', () => {
    for (const lang of LANGS) {
      const f = finding('Kininesulfaat 300 mg 2dd', 'quinine.above-cramp-dose', lang);
      expect(f?.patient, lang).not.toMatch(/ever used|ooit/);
      expect(f?.patient, lang).toMatch(lang === 'en' ? /300 mg of quinine sulfate/ : /300 mg kininesulfaat/);
      expect(f?.title, lang).toMatch(lang === 'en' ? /highest dose licensed for cramps/ : /hoogste dosis/);
    }
  });
});

describe('W3/W4: vitamin C and vitamin A positions', () => {
  it('gives vitamin C the KB verdict caution (KDOQI 2020 supports 75-90 mg a day)', () => {
    expect(substance('vitamin-c').verdictInDialysis).toBe('caution');
    expect(substance('vitamin-c').codes?.rxnorm).toEqual(['1151']);
  });

  it('avoids self-chosen vitamin A at any dose, in both languages', () => {
    expect(substance('vitamin-a').verdictInDialysis).toBe('avoid');
    for (const lang of LANGS) {
      const { item } = checkOne('Vitamine A 5000 IE 1dd', { lang });
      expect(item.verdict, lang).toBe('avoid');
      expect(item.findings.find((f) => f.code === 'vitamin-a.accumulates-in-dialysis')?.severity).toBe('avoid');
    }
  });

  it('converts retinyl esters by their own weight: palmitate 1 IU = 0.55 µg, acetate 1 IU = 0.344 µg', () => {
    const forms = substance('vitamin-a').forms;
    const mg = (id: string) => forms.find((f) => f.id === id)?.conversions.find((c) => c.from === 'mg')?.factor;
    expect(mg('retinyl-palmitate')).toBeCloseTo(1818.18, 1);
    expect(mg('retinyl-acetate')).toBeCloseTo(2906.98, 1);
    expect(mg('retinol')).toBeCloseTo(3333.33, 1);
    const { item } = checkOne('retinylpalmitaat 1 mg 1dd');
    expect(item.dailyDose[0]?.amount).toBeCloseTo(1818, 0);
  });
});

describe('W5/W6: peritoneal dialysis has its own magnesium and potassium position', () => {
  const pd: Patient = { modality: 'pd' };

  it('gives magnesium in PD a caution with blood checks, not avoid', () => {
    const { item, codes } = checkOne('Magnesiumoxide 400 mg 1dd', { patient: pd });
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('magnesium.peritoneal-dialysis');
    expect(codes).not.toContain('magnesium.supplement-accumulates');
  });

  it('gives potassium in PD a sourced caution (hypokalaemia is common), in both languages', () => {
    const { item, codes } = checkOne('Kaliumchloride 600 mg 2dd', { patient: pd });
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('potassium.peritoneal-dialysis');
    expect(codes).not.toContain('potassium.hyperkalaemia');
    expect(finding('Kaliumchloride 600 mg 2dd', 'potassium.peritoneal-dialysis', 'en', pd)?.explanation).toMatch(/37\.9%/);
    expect(finding('Kaliumchloride 600 mg 2dd', 'potassium.peritoneal-dialysis', 'nl', pd)?.explanation).toMatch(/37,9%/);
  });

  it('keeps self-bought potassium and magnesium avoid in haemodialysis', () => {
    expect(checkOne('Kaliumchloride 600 mg 2dd').item.verdict).toBe('avoid');
    expect(checkOne('Magnesiumoxide 400 mg 1dd').item.verdict).toBe('avoid');
    expect(checkOne('Kaliumchloride 600 mg 2dd', { patient: pd }).item.verdict).toBe('caution');
  });
});

describe('W7: vitamin E with an anticoagulant has one severity, also from the dialysis context', () => {
  it('is caution with nadroparin on the list', () => {
    expect(interaction(['Vitamine E 400 IE 1dd', 'Nadroparine 2850 IE 1dd'], 'vitamin-e.anticoagulants')?.severity).toBe('caution');
    expect(checkOne('Vitamine E 400 IE 1dd').item.verdict).toBe('caution');
  });

  it.each(['lmwh', 'heparin'] as const)('gives the same caution when the circuit is anticoagulated with %s', (anticoagulation) => {
    for (const lang of LANGS) {
      const report = checkLines(['Vitamine E 400 IE 1dd'], { patient: { anticoagulation }, lang });
      const ctx = report.context.find((c) => c.code === 'context.vitamin-e-circuit-anticoagulation');
      expect(ctx?.severity, lang).toBe('caution');
      expect(ctx?.explanation, lang).toMatch(lang === 'en' ? /Vitamin E is on the list \(line 1\)/ : /Vitamine E staat op de lijst \(regel 1\)/);
    }
    const none = checkLines(['Vitamine E 400 IE 1dd'], { patient: { anticoagulation: 'citrate' } });
    expect(none.context.map((c) => c.code)).not.toContain('context.vitamin-e-circuit-anticoagulation');
  });

  it('flags the 400 IU dose linked with higher mortality', () => {
    expect(checkOne('Vitamine E 400 IE 1dd').codes).toContain('vitamin-e.mortality-signal-dose');
    expect(checkOne('Vitamine E 200 IE 1dd').codes).not.toContain('vitamin-e.mortality-signal-dose');
  });

  it('no longer cites the untraceable 19-patient study', () => {
    expect(JSON.stringify(substance('vitamin-e'))).not.toMatch(/19 patients|19 patiënten|68%/);
  });
});

describe('W8: self-bought calcium is a caution, effervescent calcium also for its sodium', () => {
  it('is caution for a self-bought calcium tablet, in both languages', () => {
    for (const lang of LANGS) {
      const { item } = checkOne('Calcium 500 mg 1dd', { lang });
      expect(item.verdict, lang).toBe('caution');
      const f = item.findings.find((x) => x.code === 'calcium.self-bought');
      expect(f?.explanation, lang).toMatch(/KDIGO.{0,12}2017/);
      expect(f?.patient, lang).toMatch(lang === 'en' ? /kidney team/ : /nierteam/);
    }
  });

  it('does not add it to a prescribed calcium binder', () => {
    expect(checkOne('Calcium 500 mg 1dd').codes).toContain('calcium.self-bought');
    expect(checkOne('Calcichew 3dd1').codes).not.toContain('calcium.self-bought');
  });

  it.each(['Calcium Sandoz bruis 1dd1', 'Sandoz calcium forte 1dd1', 'calcium bruistablet 500 mg 1dd'])(
    '"%s" adds sodium (effervescent)',
    (line) => {
      const { item, codes } = checkOne(line);
      expect(item.verdict).toBe('caution');
      expect(codes).toContain('calcium.effervescent-sodium');
      expect(codes).toContain('calcium.self-bought');
    },
  );

  it('explains the sodium in both languages', () => {
    expect(finding('Calcium Sandoz bruis 1dd1', 'calcium.effervescent-sodium')?.explanation).toMatch(/sodium bicarbonate/);
    expect(finding('Calcium Sandoz bruis 1dd1', 'calcium.effervescent-sodium', 'nl')?.explanation).toMatch(/natriumbicarbonaat/);
  });
});

describe('Missing interactions from the labels and the brief', () => {
  it.each([
    ['Gliclazide 30 mg 1dd', 'quinine.sulfonylureas'],
    ['Glimepiride 2 mg 1dd', 'quinine.sulfonylureas'],
    ['Glibenclamide 5 mg 1dd', 'quinine.sulfonylureas'],
    ['Repaglinide 1 mg 3dd', 'quinine.meglitinides'],
    ['Lantus 20 E 1dd', 'quinine.insulins'],
  ])('quinine with %s: hypoglycaemia (caution, on the quinine line)', (line, code) => {
    const i = interaction(['Kinine 200 mg a.n.', line], code);
    expect(i?.severity).toBe('caution');
    expect(i?.actOn).toEqual([0]);
    expect(interaction(['Kinine 200 mg a.n.', line], code, 'nl')?.title).toMatch(/bloedsuiker/);
  });

  it('quinine with hydroxyzine is a QT interaction', () => {
    expect(interaction(['Kinine 200 mg a.n.', 'Hydroxyzine 25 mg a.n.'], 'quinine.qt-prolonging')?.actOn).toEqual([0]);
  });

  it('quinine with an aluminium antacid or binder (label section 7.1)', () => {
    const i = interaction(['Kinine 200 mg a.n.', 'Alu-Cap 3dd1'], 'quinine.aluminium-antacids');
    expect(i?.severity).toBe('caution');
    expect(interaction(['Kinine 200 mg a.n.', 'Alu-Cap 3dd1'], 'quinine.aluminium-antacids', 'nl')?.explanation).toMatch(/aluminium/);
  });

  it('recognises aluminium hydroxide and advises against it as a long-term binder', () => {
    const { item, codes } = checkOne('Alu-Cap 3dd1');
    expect(item.verdict).toBe('avoid');
    expect(codes).toContain('aluminium-hydroxide.avoid-long-term-in-dialysis');
  });

  it('citrate with an aluminium binder: much more aluminium is absorbed (avoid)', () => {
    expect(interaction(['Alu-Cap 3dd1', "Shohl's solution 10 ml 3dd"], 'aluminium-hydroxide.citrate')?.severity).toBe('avoid');
    expect(interaction(['Alu-Cap 3dd1', 'CitraFleet'], 'aluminium-hydroxide.citrate')?.severity).toBe('avoid');
  });

  it('vitamin C with aluminium is a caution on the vitamin C line', () => {
    const i = interaction(['Alu-Cap 3dd1', 'Vitamine C 50 mg 1dd'], 'aluminium-hydroxide.vitamin-c');
    expect(i?.severity).toBe('caution');
    expect(i?.actOn).toEqual([1]);
  });

  it('vitamin C with oral iron is a real interaction object', () => {
    const i = interaction(['Vitamine C 50 mg 1dd', 'Ferrofumaraat 200 mg 1dd'], 'vitamin-c.iron');
    expect(i?.severity).toBe('info');
    expect(i?.actOn).toEqual([0]);
    expect(interaction(['Vitamine C 50 mg 1dd', 'Ferrofumaraat 200 mg 1dd'], 'vitamin-c.iron', 'nl')?.patient).toMatch(/ijzer/);
  });

  it('reviews cimetidine for dialysis (UK SmPC) with its coumarin interaction', () => {
    const { item, codes } = checkOne('Cimetidine 400 mg 2dd');
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('cimetidine.above-renal-dose');
    expect(interaction(['Cimetidine 200 mg 2dd', 'Warfarine 5 mg 1dd'], 'cimetidine.coumarins')?.actOn).toEqual([0]);
  });

  it('treats potassium with an ACE inhibitor as a caution on the potassium line', () => {
    const i = interaction(['Kaliumchloride 600 mg 2dd', 'Enalapril 10 mg 1dd'], 'potassium.potassium-raising-drugs');
    expect(i?.severity).toBe('caution');
    expect(i?.actOn).toEqual([0]);
  });
});

describe('References: documents, not search or home pages', () => {
  const SEARCH = /search\.cfm|\/search[/?]|[?&](q|term|query)=/i;
  const HOME = /^https:\/\/[^/]+\/?$/;

  const ownFiles = () => [
    'references.yaml',
    ...readdirSync(join(DATA_DIR, 'kb'))
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('formulary-'))
      .map((f) => join('kb', f)),
  ];

  it('has no search or home-page URL in references.yaml or the non-formulary topic files', () => {
    const bad: string[] = [];
    for (const file of ownFiles()) {
      const doc = parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { references?: { id: string; url: string }[] } | null;
      for (const ref of doc?.references ?? []) {
        if (SEARCH.test(ref.url) || HOME.test(ref.url)) bad.push(`${file}: ${ref.id} ${ref.url}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('cites the quinine labels by their DailyMed set id', () => {
    const url = (id: string) => kbData().references.find((r) => r.id === id)?.url;
    expect(url('qualaquin-label')).toMatch(/setid=1c44c8b7-8b38-4487-a8ba-a94f708d1f50$/);
    expect(url('quinine-sulfate-generic-labels')).toMatch(/setid=f567d5c7-ea5d-49a7-a035-b47208135f73$/);
    expect(url('lyrica-label')).toMatch(/setid=60185c88-ecfd-46f9-adb9-b97c6b00a553$/);
  });

  it('keeps the 2027.1.0 review in the changelog, under a version at least as new', () => {
    const [year = 0, release = 0] = kbData().meta.version.split('.').map(Number);
    expect(year * 100 + release).toBeGreaterThanOrEqual(202701);
    const changelog = readFileSync(join(DATA_DIR, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^## 2027\.1\.0 — 2026-12-01$/m);
    expect(changelog).toMatch(/\*\*Formulary\*\* \(issue 11\)/);
  });
});
