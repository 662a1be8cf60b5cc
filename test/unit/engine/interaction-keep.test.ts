/**
 * What an interaction tells the lines it keeps (decision 017): "keep taking it" is said only when
 * the line kept was checked and is not to be avoided for anything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Lang } from '../../../src/kb/schema.js';
import type { Patient } from '../../../src/patient.js';
import { projectRoot } from '../../../src/paths.js';
import { assess } from '../../../src/run-check.js';
import { checkLines } from '../../helpers/check.js';
import { testKb } from '../../helpers/kb.js';

const interaction = (report: ReturnType<typeof checkLines>, code: string) => report.interactions.find((x) => x.code === code);

/** Sentences that tell the reader to go on with a medicine, in either language. */
const KEEP_GOING = /\b(keep|continue) (taking|using)\b|\bblijf\b[^.;]*\b(nemen|innemen|gebruiken)\b|\bneem\b[^.;]*\bverder\b|\bstop niet zelf\b/i;

/** A KB text as a pattern for its filled form at the end of a text: the placeholders stand for any name. */
const endingIn = (text: string) => new RegExp(`${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[ab]\\?\}/g, '.+?')}$`, 'i');

describe('what an interaction tells the line it keeps', () => {
  it.each([
    ['en', 'advised against in dialysis', ['Quinine sulfate 200 mg ON', 'Gliclazide 80 mg BD'], 'avoid', 'quinine.sulfonylureas', /Ask your doctor before you take quinine/],
    ['nl', 'advised against in dialysis', ['Kinine 200 mg a.n.', 'Gliclazide 80 mg 2dd1'], 'avoid', 'quinine.sulfonylureas', /Overleg met uw arts voordat u kinine neemt/],
    ['en', 'not checked', ['Quinine sulfate 200 mg ON', "St John's wort 300 mg TDS"], 'unknown', 'quinine.cyp3a4-inducers', /Ask your doctor before you take quinine with St John's wort/],
    ['nl', 'not checked', ['Kinine 200 mg a.n.', 'Sint-janskruid 300 mg 3dd1'], 'unknown', 'quinine.cyp3a4-inducers', /Overleg met uw arts voordat u kinine samen met sint-janskruid neemt/],
  ] as const)('does not tell the patient (%s) to keep taking a partner that is %s', (lang, _why, lines, verdict, code, aboutQuinine) => {
    const report = checkLines([...lines], { lang });
    expect(report.items[1]?.verdict).toBe(verdict);
    const x = interaction(report, code);
    expect(x?.actOn).toEqual([0]);
    expect(x?.patient).not.toMatch(KEEP_GOING);
    expect(x?.advice).not.toMatch(KEEP_GOING);
    // What the text says about quinine itself is still there.
    expect(x?.patient).toMatch(aboutQuinine);
  });

  it.each([
    ['en', ['Cimetidine 400 mg BD', 'Warfarin 3 mg as directed'], /Keep taking warfarin\.$/],
    ['nl', ['Cimetidine 400 mg 2dd1', 'Warfarine 3 mg volgens schema'], /Blijf warfarine nemen\.$/],
  ] as const)('tells the patient to keep taking a partner that is fine (%s)', (lang, lines, keep) => {
    const report = checkLines([...lines], { lang });
    expect(report.items[1]?.verdict).not.toMatch(/avoid|unknown/);
    expect(interaction(report, 'cimetidine.coumarins')?.patient).toMatch(keep);
  });

  it('with both lines to act on, says "keep taking both" only when neither is to be avoided or unchecked apart from it', () => {
    const lines = ['Sevelamer 800 mg 3dd2 bij de maaltijd', 'Levothyroxine 100 mcg 1dd1'];
    const both = (report: ReturnType<typeof checkLines>) => interaction(report, 'sevelamer.reduced-absorption');
    expect(both(checkLines(lines, { lang: 'en' }))?.patient).toMatch(/Keep taking both\.$/);
    expect(both(checkLines(lines, { lang: 'nl' }))?.patient).toMatch(/Blijf beide nemen\.$/);
    // Its dose not read: the levothyroxine line was not checked.
    const unread = checkLines([lines[0] ?? '', 'Levothyroxine'], { lang: 'en' });
    expect(unread.items[1]?.verdict).toBe('unknown');
    expect(both(unread)?.patient).not.toMatch(KEEP_GOING);
    expect(both(unread)?.patient).toMatch(/Keep them apart in time/);
    // A previous reaction to it: the levothyroxine line is to be avoided.
    const reacted = checkLines(lines, { lang: 'nl', patient: { allergies: ['levothyroxine'] } });
    expect(reacted.items[1]?.verdict).toBe('avoid');
    expect(both(reacted)?.patient).not.toMatch(KEEP_GOING);
  });

  it('the engine decides it from the verdicts, and the words follow the engine', () => {
    const kb = testKb();
    const patient = {};
    const gliclazide = assess(['Kinine 200 mg a.n.', 'Gliclazide 80 mg 2dd1'], patient, kb).interactions.find((x) => x.code === 'quinine.sulfonylureas');
    expect(gliclazide?.keep).toBe(false);
    const warfarin = assess(['Cimetidine 400 mg 2dd1', 'Warfarine 3 mg volgens schema'], patient, kb).interactions.find((x) => x.code === 'cimetidine.coumarins');
    expect(warfarin?.keep).toBe(true);
  });

  it('past the cap on listed interactions, tells no line to keep going: an interaction only counted may make it avoid', () => {
    const lines = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'Cimetidine 400 mg 2dd1' : 'Warfarine 3 mg volgens schema'));
    const assessed = assess(lines, {}, testKb());
    expect(assessed.moreInteractions).toBeGreaterThan(0);
    expect(assessed.interactions.filter((x) => x.keep)).toEqual([]);
    const few = assess(lines.slice(0, 4), {}, testKb());
    expect(few.moreInteractions).toBe(0);
    expect(few.interactions.every((x) => x.keep)).toBe(true);
  });

  it.each(['en', 'nl'] as const)('in the knowledge base, an interaction says "keep taking" of the other medicine only in its keep texts (%s)', (lang: Lang) => {
    // A sentence that says to go on, and names the line kept: its placeholder, or both of them.
    const offenders = testKb().interactions.flatMap((x) => {
      const kept = x.actOn === 'first' ? /\{b\}/ : x.actOn === 'second' ? /\{a\}/ : /\{[ab]\}|\b(both|them|beide|ze)\b/i;
      return (['advice', 'patient'] as const).flatMap((field) =>
        x[field][lang]
          .split(/(?<=[.;])\s+/)
          .filter((sentence) => KEEP_GOING.test(sentence) && (kept.test(sentence) || /\b(both|beide)\b/i.test(sentence)))
          .map((sentence) => `${x.code} › ${field}: ${sentence}`),
      );
    });
    expect(offenders).toEqual([]);
    // The keep texts exist and say it.
    const keeps = testKb().interactions.filter((x) => x.keep);
    expect(keeps.length).toBeGreaterThan(20);
  });

  it('on the whole dialysis lists of the fixtures: no interaction tells a line to be avoided or not checked to keep going', () => {
    const lists = parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'dialysis-lists.yaml'), 'utf8')) as { patient?: Patient; lines: { line: string }[] }[];
    let said = 0;
    let left = 0;
    for (const lang of ['en', 'nl'] as const) {
      for (const list of lists) {
        const report = checkLines(
          list.lines.map((l) => l.line),
          { patient: list.patient ?? {}, lang },
        );
        for (const x of report.interactions) {
          const keep = testKb().interactionsByCode.get(x.code)?.keep?.patient;
          if (!keep) continue;
          const kept = x.actOn.length === x.items.length ? x.items : x.items.filter((i) => !x.actOn.includes(i));
          const otherwise = kept.some((i) => {
            const line = report.items[i];
            // Apart from this interaction: a line acted on by it has at least its severity.
            const others = line?.findings.filter((f) => f.ref?.kind !== 'interaction' || report.interactions[f.ref.index] !== x) ?? [];
            return line?.verdict === 'unknown' || others.some((f) => f.severity === 'avoid');
          });
          if (otherwise) {
            left++;
            expect(x.patient, `${x.code} in ${lang}`).not.toMatch(endingIn(keep[lang]));
            expect(x.patient, `${x.code} in ${lang}`).not.toMatch(KEEP_GOING);
          } else {
            said++;
            expect(x.patient, `${x.code} in ${lang}`).toMatch(endingIn(keep[lang]));
          }
        }
      }
    }
    // The lists hold both kinds, so the property was put to the test both ways.
    expect(said).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
  });
});
