/**
 * Under a line, the interactions and totals it takes part in are pointed to, each given in full once
 * in its own section. A line that takes part in many shows the most severe first and counts the rest.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Finding } from '../../src/explain/report.js';
import type { KnowledgeBase } from '../../src/kb/knowledge-base.js';
import { runCheck } from '../../src/run-check.js';
import { POINTERS_PER_LINE } from '../../src/web/report-view.js';
import { compiledKb } from '../helpers/kb.js';

/** A list on which the first line, four medicines that interact with much of the rest, has more pointers than are shown. */
const LIST = [
  'Acenocoumarol 1 mg + ibuprofen 400 mg + prednisolon 10 mg + miconazol gel',
  'Vitamine E 400 IE', 'Fish oil 1000 mg', 'Sint-janskruid 300 mg', 'Ascal 100 mg', 'Clopidogrel 75 mg', 'Apixaban 2.5 mg BD',
  'Warfarin as per INR', 'Naproxen 250 mg 2dd', 'Dabigatran 110 mg 2dd', 'Curcuma 500 mg 2x/dag', 'Ginkgo 120 mg', 'Simvastatine 40 mg',
  'Kinine 200 mg', 'Claritromycine 500 mg 2dd', 'Fluconazol 50 mg', 'Amiodaron 200 mg', 'Diclofenac 50 mg 2dd', 'Citalopram 20 mg',
  'Tramadol 50 mg 3dd',
];
const RANK = { avoid: 0, caution: 1, info: 2 } as const;

let kb: KnowledgeBase;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  kb = compiledKb();
  app = createApp(kb, { rateLimitPerMinute: 10_000 });
});

const page = async (view: 'pro' | 'patient', lang = 'en'): Promise<HTMLElement> => {
  const res = await request(app).post(`/check?lang=${lang}&view=${view}`).type('form').send({ items: LIST.join('\n') });
  expect(res.status).toBe(200);
  return parse(res.text);
};
const pointersOf = (lang: 'en' | 'nl' = 'en'): Finding[][] => runCheck(LIST, {}, kb, lang).items.map((l) => l.findings.filter((f) => f.ref));

describe('pointers under a line to the interactions and totals it takes part in', () => {
  it('shows the most severe first and counts the rest by severity, past the limit', async () => {
    const all = pointersOf()[0] ?? [];
    expect(all.length).toBeGreaterThan(POINTERS_PER_LINE + 1);
    const line = (await page('pro')).querySelector('#line-1');
    const shown = line?.querySelectorAll('.finding--ref') ?? [];
    expect(shown).toHaveLength(POINTERS_PER_LINE);
    const severities = shown.map((p) => /finding--(avoid|caution|info)/.exec(p.getAttribute('class') ?? '')?.[1] as keyof typeof RANK);
    expect(severities.map((s) => RANK[s])).toEqual([...severities.map((s) => RANK[s])].sort((a, b) => a - b));
    const hidden = [...all].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(POINTERS_PER_LINE);
    const counts = (['avoid', 'caution', 'info'] as const)
      .map((s) => [s, hidden.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} × ${{ avoid: 'avoid', caution: 'caution', info: 'information' }[s]}`);
    expect(line?.querySelector('.finding--more')?.text).toBe(
      `…and ${hidden.length} more interactions or totals that concern this line (${counts.join(', ')}). Each is given in full further down the report.`,
    );
  });

  it('shows every pointer of a line that has at most one more than the limit', async () => {
    const doc = await page('pro');
    const lines = pointersOf();
    const few = lines.flatMap((p, i) => (p.length > 0 && p.length <= POINTERS_PER_LINE + 1 ? [i] : []));
    expect(few.length).toBeGreaterThan(3);
    for (const i of few) {
      const line = doc.querySelector(`#line-${i + 1}`);
      expect(line?.querySelectorAll('.finding--ref')).toHaveLength(lines[i]?.length ?? -1);
      expect(line?.querySelector('.finding--more')).toBeNull();
    }
  });

  it('tells a patient, in Dutch, that there is more further down', async () => {
    const hidden = (pointersOf('nl')[0]?.length ?? 0) - POINTERS_PER_LINE;
    const line = (await page('patient', 'nl')).querySelector('#line-1');
    expect(line?.querySelectorAll('.pfinding').length).toBe(POINTERS_PER_LINE + (runCheck(LIST, {}, kb, 'nl').items[0]?.findings.filter((f) => !f.ref).length ?? 0) + 1);
    expect(line?.querySelector('.pfinding--more')?.text).toBe(`…en nog ${hidden} dingen om te weten over het gebruik hiervan samen met andere producten op uw lijst. Ze staan verderop op deze pagina.`);
  });
});
