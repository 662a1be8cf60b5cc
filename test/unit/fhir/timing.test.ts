// FHIR Timing is written in intake's notation; each case checks that intake reads the words back
// as the timing meant, so the two can never drift apart silently.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/intake/parse-line.js';
import { timing as timingSchema } from '../../../src/fhir/resources.js';
import { timingWords } from '../../../src/fhir/timing.js';

const GTS = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
const words = (t: unknown) => timingWords(timingSchema.parse(t));

/** Times per day as intake reads "<words>", averaged over the week. */
function readBack(text: string) {
  const f = parseLine(`Something 100 mg ${text}`).frequency;
  if (!f) throw new Error(`intake read no frequency in "${text}"`);
  return f;
}

describe('FHIR timing → intake notation, read back by intake', () => {
  it.each([
    ['QD', 1],
    ['BID', 2],
    ['TID', 3],
    ['QID', 4],
    ['QOD', 0.5],
    ['Q4H', 6],
    ['Q6H', 4],
    ['Q8H', 3],
    ['BED', 1],
    ['WK', 1 / 7],
    ['MO', 1 / 30],
  ])('timing.code %s → %s a day', (code, perDay) => {
    const w = words({ code: { coding: [{ system: GTS, code }] } });
    expect(w).toMatchObject({ frequency: true, fromText: false });
    const f = readBack(w?.text ?? '');
    expect(f.kind).toBe('regular');
    if (f.kind === 'regular') expect(f.perDay.high).toBeCloseTo(perDay, 6);
  });

  it.each([
    [{ frequency: 2, period: 1, periodUnit: 'd' }, '2 x per day', 2, 2],
    [{ frequency: 1, period: 2, periodUnit: 'd' }, 'every other day', 0.5, 0.5],
    [{ frequency: 2, period: 3, periodUnit: 'd' }, '2 x per 3 days', 2 / 3, 2 / 3],
    [{ frequency: 1, period: 8, periodUnit: 'h' }, 'every 8 hours', 3, 3],
    [{ frequency: 2, period: 24, periodUnit: 'h' }, '2 x per day', 2, 2],
    [{ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }, '4-6 x per day', 4, 6],
    [{ frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' }, '1-2 x per day', 1, 2],
    [{ frequency: 1, period: 1, periodUnit: 'wk' }, '1 x per week', 1 / 7, 1 / 7],
    [{ frequency: 1, period: 2, periodUnit: 'wk' }, 'every 2 weeks', 1 / 14, 1 / 14],
    [{ frequency: 3, period: 2, periodUnit: 'wk' }, '3 x per 2 weeks', 3 / 14, 3 / 14],
    [{ frequency: 1, period: 1, periodUnit: 'mo' }, '1 x per month', 1 / 30, 1 / 30],
    [{ frequency: 1, period: 3, periodUnit: 'mo' }, 'every 3 months', 1 / 90, 1 / 90],
    // Sloppy senders leave the period out when it is one.
    [{ frequency: 3, periodUnit: 'd' }, '3 x per day', 3, 3],
  ])('repeat %j → "%s"', (repeat, text, low, high) => {
    const w = words({ repeat });
    expect(w?.text).toBe(text);
    const f = readBack(text);
    expect(f.kind).toBe('regular');
    if (f.kind === 'regular') {
      expect(f.perDay.low).toBeCloseTo(low, 6);
      expect(f.perDay.high).toBeCloseTo(high, 6);
    }
  });

  it('writes the days of the week, and intake counts the dose on the days it is taken', () => {
    const w = words({ repeat: { frequency: 2, period: 1, periodUnit: 'd', dayOfWeek: ['fri', 'mon', 'wed'] } });
    expect(w?.text).toBe('2 x per day on mon/wed/fri');
    const f = readBack(w?.text ?? '');
    expect(f).toMatchObject({ kind: 'regular', perDosingDay: { high: 2 } });
    if (f.kind === 'regular') expect(f.perDay.high).toBeCloseTo(6 / 7, 6);
    expect(words({ repeat: { frequency: 3, period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'wed', 'fri'] } })?.text).toBe('on mon/wed/fri');
  });

  it('lets named times of day say how often when they match the frequency', () => {
    const w = words({ repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['MORN', 'HS'] } });
    expect(w?.text).toBe('in the morning and at bedtime');
    expect(readBack(w?.text ?? '')).toMatchObject({ kind: 'regular', perDay: { high: 2 } });
    expect(parseLine(`X 100 mg ${w?.text}`).timing.map((t) => t.label)).toEqual(['morning', 'bedtime']);
    const bedtime = words({ repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } });
    expect(bedtime?.text).toBe('at bedtime');
    expect(readBack(bedtime?.text ?? '')).toMatchObject({ kind: 'regular', perDay: { high: 1 } });
  });

  it('keeps the frequency when the times of day do not add up to it', () => {
    const w = words({ repeat: { frequency: 3, period: 1, periodUnit: 'd', when: ['HS'] } });
    expect(w?.text).toBe('3 x per day at bedtime');
    expect(readBack(w?.text ?? '')).toMatchObject({ kind: 'regular', perDay: { high: 3 } });
  });

  it('reads clock times and meals', () => {
    const clock = words({ repeat: { frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] } });
    expect(clock?.text).toBe('at 08:00 and at 20:00');
    expect(readBack(clock?.text ?? '')).toMatchObject({ kind: 'regular', perDay: { high: 2 } });
    const meals = words({ repeat: { when: ['C'] } });
    expect(meals?.text).toBe('with each meal');
    expect(readBack(meals?.text ?? '')).toMatchObject({ kind: 'regular', perDay: { high: 3 } });
  });

  it('uses a timing text intake reads as a frequency, such as a dialysis schedule, and says it is text', () => {
    const w = words({ code: { text: 'na elke dialyse' } });
    expect(w).toEqual({ text: 'na elke dialyse', frequency: true, fromText: true });
    expect(readBack(w?.text ?? '')).toMatchObject({ kind: 'per-session' });
  });

  it('prefers the structured repeat over the code', () => {
    expect(words({ repeat: { frequency: 1, period: 1, periodUnit: 'd' }, code: { coding: [{ system: GTS, code: 'BID' }] } })?.text).toBe('1 x per day');
  });

  it('writes nothing it cannot write exactly, rather than something else', () => {
    expect(words({ repeat: { frequency: 1, period: 1, periodUnit: 'a' } })).toBeUndefined();
    expect(words({ repeat: { frequency: 1, period: 90, periodUnit: 'min' } })).toBeUndefined();
    expect(words({ repeat: { frequency: 1, period: 5, periodUnit: 'h' } })).toBeUndefined();
    expect(words({ repeat: { when: ['SOMETIME'] } })).toBeUndefined();
    expect(words({ repeat: { dayOfWeek: ['mon', 'funday'] } })).toBeUndefined();
    expect(words({ code: { text: 'as the doctor says' } })).toBeUndefined();
  });
});
