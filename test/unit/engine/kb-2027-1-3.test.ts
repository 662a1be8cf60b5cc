/**
 * KB 2027.1.3: miconazole taken by mouth (the oral gel) is advised against with a coumarin, on the
 * miconazole line, and the coumarin line is pointed to it. Skin use is not covered and stays unchecked.
 */
import { describe, expect, it } from 'vitest';
import { checkLines } from '../../helpers/check.js';

describe('miconazole with a coumarin', () => {
  it.each([
    ['Daktarin orale gel 4dd 2,5 ml', 'Acenocoumarol 1 mg volgens schema trombosedienst', 'nl'],
    ['Miconazol orale gel 20 mg/g 4 dd', 'Marcoumar 3 mg o.g.v. INR', 'nl'],
    ['Miconazole oral gel qid', 'Warfarin 5 mg daily', 'en'],
  ] as const)('"%s" is avoid next to "%s", and the coumarin is told to keep going', (gel, coumarin, lang) => {
    const report = checkLines([coumarin, gel], { lang });
    expect(report.items[1]?.verdict).toBe('avoid');
    expect(report.items[0]?.verdict).not.toBe('avoid');
    expect(report.items[0]?.findings.map((f) => f.code)).toContain('interaction.keep-taking');
    const x = report.interactions.find((i) => i.code === 'miconazole.coumarins');
    expect(x?.severity).toBe('avoid');
    expect(x?.explanation).toMatch(/CYP2C9/);
    expect(x?.references.some((r) => r.url.startsWith('https://www.gov.uk/drug-safety-update/'))).toBe(true);
  });

  it('is not checked as a skin cream, and the list does not read as clear', () => {
    const report = checkLines(['Marcoumar 3 mg', 'Miconazol crème 2% 2dd'], { lang: 'nl' });
    expect(report.interactions.map((i) => i.code)).not.toContain('miconazole.coumarins');
    expect(report.items[1]?.verdict).toBe('unknown');
    expect(report.summary.verdict).not.toBe('ok');
  });

  it('alone, is recognised but not reviewed, so it reads "not checked"', () => {
    const report = checkLines(['Daktarin orale gel 4dd']);
    expect(report.items[0]?.verdict).toBe('unknown');
  });
});
