import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { KbSourceError } from '../../../src/kb/errors.js';
import { nameKey } from '../../../src/kb/names.js';
import { readSources } from '../../../src/kb/sources.js';
import { DATA_DIR, kbData } from '../../helpers/kb.js';

/** A copy of data/ with one file changed, and the problems the build reports for it. */
function problemsAfter(file: string, change: (doc: any) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dialysafe-data-'));
  cpSync(DATA_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.sqlite') });
  const path = join(dir, file);
  const doc = parse(readFileSync(path, 'utf8'));
  change(doc);
  writeFileSync(path, stringify(doc));
  try {
    readSources(dir);
  } catch (error) {
    if (error instanceof KbSourceError) return error.problems.map((p) => `${p.file} › ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const quinine = (doc: any) => doc.substances.find((s: any) => s.id === 'quinine');

describe('the knowledge base in data/', () => {
  const data = kbData();

  it('is valid, versioned and reviewed', () => {
    expect(data.meta.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    expect(data.meta.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names every substance in Dutch and English, and recognises both names', () => {
    for (const s of data.substances) {
      expect(s.name.en.trim(), s.id).not.toBe('');
      expect(s.name.nl.trim(), s.id).not.toBe('');
    }
  });

  it('gives every rule and interaction at least one reference that exists, with an https address', () => {
    const refs = new Map(data.references.map((r) => [r.id, r]));
    const rules = [...data.substances.flatMap((s) => s.rules), ...data.products.flatMap((p) => p.rules), ...data.interactions];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule.references.length, rule.code).toBeGreaterThan(0);
      for (const id of rule.references) expect(refs.get(id)?.url, `${rule.code} → ${id}`).toMatch(/^https:\/\//);
    }
  });

  it('has every finding text in both languages', () => {
    const texts = [...data.substances.flatMap((s) => [...s.rules, ...(s.withinLimits ? [s.withinLimits] : [])]), ...data.interactions];
    for (const t of texts) {
      for (const field of [t.title, t.explanation, t.advice, t.patient, t.evidence.summary]) {
        expect(field.en.length).toBeGreaterThan(0);
        expect(field.nl.length).toBeGreaterThan(0);
        expect(field.nl).not.toBe(field.en);
      }
    }
  });

  it('calls the package leaflet a leaflet in English patient texts where the Dutch says "bijsluiter"', () => {
    // Patients read "label" as the pharmacy sticker on the box (docs/plain-language-review.md).
    const texts = [...data.substances.flatMap((s) => [...s.rules, ...(s.withinLimits ? [s.withinLimits] : [])]), ...data.products.flatMap((p) => p.rules), ...data.interactions];
    const mixed = texts.filter((t) => /bijsluiter/i.test(t.patient.nl) && /\blabel/i.test(t.patient.en)).map((t) => ('code' in t ? t.code : t.title.en));
    expect(mixed).toEqual([]);
  });

  it('never cites the AI-generated site the evidence brief warns about', () => {
    for (const r of data.references) expect(r.url).not.toMatch(/droracle/i);
  });

  it('covers the five remedies of the leaflet', () => {
    const reviewed = data.substances.filter((s) => s.review === 'full').map((s) => s.id);
    expect(reviewed).toEqual(expect.arrayContaining(['quinine', 'vitamin-e', 'vitamin-c', 'magnesium', 'l-carnitine']));
  });
});

describe('the build refuses a bad knowledge base, saying file, field and reason', () => {
  it('a rule without a reference', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).rules[0].references = [];
    });
    expect(problems).toContainEqual(expect.stringMatching(/kb\/quinine\.yaml › substances\.0\.rules\.0\.references: needs at least one reference/));
  });

  it('a reference that does not exist', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).rules[0].references = ['no-such-paper'];
    });
    expect(problems).toContainEqual(expect.stringContaining('cites "no-such-paper", which is not in references.yaml'));
  });

  it('a name claimed by two substances', () => {
    const problems = problemsAfter('kb/vitamin-c.yaml', (doc) => {
      doc.substances[0].names.push('Kinine');
    });
    expect(problems).toContainEqual(expect.stringContaining('name "Kinine" is already claimed by'));
  });

  it('a class member that does not exist', () => {
    const problems = problemsAfter('kb/anticoagulants.yaml', (doc) => {
      doc.classes[0].members.push('coumarinol');
    });
    expect(problems).toContainEqual(expect.stringContaining('member "coumarinol" is not a substance in the knowledge base'));
  });

  it('a text missing in one language', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      delete quinine(doc).rules[0].advice.nl;
    });
    expect(problems).toContainEqual(expect.stringMatching(/quinine\.yaml › substances\.0\.rules\.0\.advice\.nl: /));
  });

  it('a limit without a unit', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      delete quinine(doc).rules[1].when.dailyDoseAbove.unit;
    });
    expect(problems).toContainEqual(expect.stringMatching(/rules\.1\.when\.dailyDoseAbove\.unit/));
  });

  it('a limit in another unit than doses are counted in', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).rules[1].when.dailyDoseAbove.unit = 'IU';
    });
    expect(problems).toContainEqual(expect.stringContaining('dose limit is in IU, but doses of this substance are counted in mg'));
  });

  it('a placeholder the engine does not fill', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).rules[0].explanation.en += ' {dose}';
    });
    expect(problems).toContainEqual(expect.stringContaining('text uses {dose}, which is not filled here'));
  });

  it('a name inside a sentence that is not the same name', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).inSentence = { en: 'quinidine' };
    });
    expect(problems).toContainEqual(expect.stringContaining('"quinidine" is not the name "Quinine" written in other case'));
  });

  it('a review date after the knowledge base\'s own', () => {
    const problems = problemsAfter('kb/quinine.yaml', (doc) => {
      quinine(doc).reviewedOn = '2099-01-01';
    });
    expect(problems).toContainEqual(expect.stringContaining('review date 2099-01-01 is after'));
  });

  it('a version without a changelog entry', () => {
    const problems = problemsAfter('kb.yaml', (doc) => {
      doc.version = '2099.1.0';
    });
    expect(problems).toContainEqual(expect.stringContaining('CHANGELOG.md › : its newest entry is'));
  });

  it('broken YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialysafe-data-'));
    cpSync(DATA_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.sqlite') });
    writeFileSync(join(dir, 'kb', 'broken.yaml'), 'substances:\n  - id: [unclosed\n');
    expect(() => readSources(dir)).toThrow(/kb\/broken\.yaml: not valid YAML/);
  });
});

describe('name keys', () => {
  it('ignore case, accents, spaces and punctuation', () => {
    expect(nameKey('Kinine-Sulfaat')).toBe(nameKey('kininesulfaat'));
    expect(nameKey('Procaïnamide')).toBe(nameKey('procainamide'));
    expect(nameKey('vit. E')).toBe(nameKey('VIT E'));
  });
});
