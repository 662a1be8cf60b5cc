/**
 * KB 2027.1.1: vitamin E is advised against with a coumarin (the label names it) and stays a caution with a
 * DOAC or heparin (analogy); the potassium in a laxative sachet is a caution with its numbers, not the
 * avoid written for potassium supplements; a nadroparin dose in ml is converted by the product's strength.
 */
import { describe, expect, it } from 'vitest';
import { checkLines, checkOne } from '../../helpers/check.js';

describe('vitamin E with an anticoagulant', () => {
  it.each(['Warfarine 5 mg 1dd', 'Acenocoumarol 1 mg volgens schema trombosedienst', 'Marcoumar 3 mg o.g.v. INR'])(
    'is avoid on the vitamin E line with the coumarin %s, which is told to keep going',
    (coumarin) => {
      const report = checkLines(['Vitamine E 400 IE 1dd', coumarin], { lang: 'nl' });
      expect(report.items[0]?.verdict).toBe('avoid');
      expect(report.items[0]?.findings.map((f) => f.code)).toContain('vitamin-e.coumarins');
      expect(report.items[1]?.verdict).not.toBe('avoid');
      expect(report.items[1]?.findings.map((f) => f.code)).toContain('interaction.keep-taking');
      const x = report.interactions.find((i) => i.code === 'vitamin-e.coumarins');
      expect(x?.explanation).toMatch(/bloed/);
      expect(x?.references.length).toBeGreaterThan(0);
    },
  );

  it.each(['Apixaban 2,5 mg 2dd', 'Fraxiparine 0,3 ml 1dd sc'])('stays caution with %s, where the warning holds by analogy only', (other) => {
    const report = checkLines(['Vitamin E 400 IU daily', other]);
    const codes = report.interactions.map((i) => i.code);
    expect(codes).toContain('vitamin-e.anticoagulants');
    expect(codes).not.toContain('vitamin-e.coumarins');
    expect(report.interactions.find((i) => i.code === 'vitamin-e.anticoagulants')?.severity).toBe('caution');
  });
});

describe('potassium in a laxative sachet', () => {
  it.each(['Movicolon 1 sachet per dag zo nodig', 'Laxido 2 sachets daily', 'Movicol 1 zakje/dag'])('"%s" is caution, not the avoid for potassium supplements', (line) => {
    const { item } = checkOne(line);
    const codes = item.findings.map((f) => f.code);
    expect(item.verdict).toBe('caution');
    expect(codes).toContain('potassium.in-laxative');
    expect(codes).not.toContain('potassium.hyperkalaemia');
  });

  it('still counts the potassium, so eight sachets show their 5 mmol', () => {
    const { item } = checkOne('Movicolon 8 sachets per dag');
    expect(item.dailyDose.find((d) => d.substance.id === 'potassium')?.amount).toBeCloseTo(5.4, 1);
  });

  it('leaves potassium chloride tablets avoid', () => {
    expect(checkOne('Kaliumchloride 600 mg 2dd1').item.verdict).toBe('avoid');
  });
});

describe('a dose of nadroparin in ml', () => {
  it('is converted with the strength of the product named, and checked', () => {
    const { item } = checkOne('Fraxiparine 0,4 ml 1dd sc');
    expect(item.coverage).toBe('reviewed');
    expect(item.dailyDose[0]?.amount).toBe(3800);
    expect(checkOne('Fraxodi 0,4 ml 1dd sc').item.dailyDose[0]?.amount).toBe(7600);
  });

  it('is not guessed when the line names no product with a strength per ml', () => {
    expect(checkOne('Nadroparine 0,4 ml 1dd').item.coverage).toBe('dose-not-read');
  });
});
