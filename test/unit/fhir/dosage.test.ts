// A FHIR Dosage written as the dose part of a line, checked by reading the words back with intake.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/intake/parse-line.js';
import { dosageWords } from '../../../src/fhir/dosage.js';
import { dosage as dosageSchema } from '../../../src/fhir/resources.js';

const UCUM = 'http://unitsofmeasure.org';
const daily = { repeat: { frequency: 1, period: 1, periodUnit: 'd' } };
const write = (d: unknown, perUnit?: string) => dosageWords(dosageSchema.parse(d), perUnit);
const dose = (quantity: object) => ({ timing: daily, doseAndRate: [{ doseQuantity: quantity }] });

describe('FHIR dosage → words intake reads', () => {
  it.each([
    [{ value: 300, unit: 'mg', system: UCUM, code: 'mg' }, '300 mg', 300, 'mg'],
    [{ value: 1, unit: 'g', system: UCUM, code: 'g' }, '1 g', 1000, 'mg'],
    [{ value: 500, unit: 'µg', system: UCUM, code: 'ug' }, '500 mcg', 0.5, 'mg'],
    [{ value: 800, unit: 'IU', system: UCUM, code: '[iU]' }, '800 IU', 800, 'IU'],
    [{ value: 20, unit: 'U', system: UCUM, code: 'U' }, '20 units', 20, 'IU'],
    [{ value: 8, unit: 'mmol', system: UCUM, code: 'mmol' }, '8 mmol', 8, 'mmol'],
    [{ value: 5, unit: 'mL', system: UCUM, code: 'mL' }, '5 ml', 5, 'ml'],
    [{ value: 0.125, unit: 'mg', system: UCUM, code: 'mg' }, '0.125 mg', 0.125, 'mg'],
  ])('doseQuantity %j → "%s"', (q, text, amount, unit) => {
    const w = write(dose(q));
    expect(w.text).toBe(`${text} 1 x per day`);
    expect(w).toMatchObject({ complete: true, fromText: false, amount: true });
    const s = parseLine(`X ${w.text}`).strength;
    expect(s?.high).toBeCloseTo(amount, 9);
    expect(s?.unit).toBe(unit);
  });

  it('writes a count of tablets with the strength of one, so intake multiplies them', () => {
    const w = write(dose({ value: 2, unit: 'tablet', system: UCUM, code: '{tbl}' }), '400 mg');
    expect(w).toMatchObject({ text: '2 tablets of 400 mg 1 x per day', perUnitUsed: true, amount: false });
    const p = parseLine(`X ${w.text}`);
    expect(p.count).toMatchObject({ low: 2, high: 2 });
    expect(p.strength).toMatchObject({ high: 400, unit: 'mg' });
  });

  it('reads dose-form codes as the unit (HL7 v3 TAB) and a range of doses', () => {
    const w = write({ timing: daily, doseAndRate: [{ doseRange: { low: { value: 1, system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' }, high: { value: 2, system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' } } }] });
    expect(w.text).toBe('1-2 tablets 1 x per day');
    expect(parseLine(`X ${w.text}`).count).toMatchObject({ low: 1, high: 2 });
  });

  it('prefers the ordered dose over a calculated one', () => {
    const w = write({
      timing: daily,
      doseAndRate: [
        { type: { coding: [{ code: 'calculated' }] }, doseQuantity: { value: 50, code: 'mg', system: UCUM } },
        { type: { coding: [{ code: 'ordered' }] }, doseQuantity: { value: 300, code: 'mg', system: UCUM } },
      ],
    });
    expect(w.text).toBe('300 mg 1 x per day');
  });

  it('reads the sloppy forms: doseAndRate as an object, doseQuantity on the dosage (STU3)', () => {
    expect(write({ timing: daily, doseAndRate: { doseQuantity: { value: 300, code: 'mg', system: UCUM } } }).text).toBe('300 mg 1 x per day');
    expect(write({ timing: daily, doseQuantity: { value: 300, unit: 'mg' } }).text).toBe('300 mg 1 x per day');
    expect(write({ timing: { repeat: { frequency: '2', period: '1', periodUnit: 'd' } }, doseQuantity: { value: '300', unit: 'mg' } }).text).toBe('300 mg 2 x per day');
  });

  it('writes as needed with its maximum per day, in units, amounts or administrations', () => {
    const prn = (max: object) => write({ asNeededBoolean: true, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', code: '{tbl}', system: UCUM } }], maxDosePerPeriod: max }, '500 mg');
    const units = prn({ numerator: { value: 6, unit: 'tablet', code: '{tbl}', system: UCUM }, denominator: { value: 1, code: 'd', system: UCUM } });
    expect(units).toMatchObject({ text: '1 tablet of 500 mg as needed max 6 tablets per day', complete: true });
    expect(parseLine(`X ${units.text}`).frequency).toMatchObject({ kind: 'prn', max: { perDay: { high: 6 }, of: 'units' } });
    const amount = prn({ numerator: { value: 3000, code: 'mg', system: UCUM }, denominator: { value: 24, code: 'h', system: UCUM } });
    expect(parseLine(`X ${amount.text}`).frequency).toMatchObject({ kind: 'prn', max: { amount: 3000, unit: 'mg' } });
    const times = prn({ numerator: { value: 4 }, denominator: { value: 1, unit: 'day' } });
    expect(parseLine(`X ${times.text}`).frequency).toMatchObject({ kind: 'prn', max: { perDay: { high: 4 }, of: 'administrations' } });
    // Without a maximum intake cannot work out a daily dose, and says so.
    expect(parseLine(`X ${prn({}).text}`).notes.map((n) => n.code)).toContain('prn-without-maximum');
  });

  it('writes a rate so that intake does not turn it into a daily dose', () => {
    const w = write({ doseAndRate: [{ rateRatio: { numerator: { value: 5, code: 'mg', system: UCUM }, denominator: { value: 1, code: 'h', system: UCUM } } }] });
    expect(w.text).toBe('5 mg per hour');
    expect(parseLine(`X ${w.text}`).notes.map((n) => n.code)).toContain('rate-per-hour');
  });

  it('writes a unit it has no word for as sent, so the dose is not worked out rather than misread', () => {
    const w = write(dose({ value: 20, unit: 'mEq', system: UCUM, code: 'meq' }));
    expect(w).toMatchObject({ text: '20 mEq 1 x per day', complete: false });
    expect(parseLine(`X ${w.text}`).strength).toBeUndefined();
  });

  it('writes the route from SNOMED, EDQM or HL7 v3 codes, or from its text', () => {
    const routed = (route: object) => write({ ...dose({ value: 1, code: 'g', system: UCUM }), route }).text;
    expect(parseLine(`X ${routed({ coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] })}`).route?.value).toBe('iv');
    expect(parseLine(`X ${routed({ coding: [{ system: 'urn:oid:0.4.0.127.0.16.1.1.2.1', code: '20066000' }] })}`).route?.value).toBe('sc');
    expect(parseLine(`X ${routed({ coding: [{ code: 'PO' }] })}`).route?.value).toBe('oral');
    expect(parseLine(`X ${routed({ text: 'intravenous' })}`).route?.value).toBe('iv');
  });

  it('falls back to the dosage text only when the structure does not say how much and how often', () => {
    const structured = write({ text: 'whatever the text says', ...dose({ value: 300, code: 'mg', system: UCUM }) });
    expect(structured).toMatchObject({ text: '300 mg 1 x per day', fromText: false });
    const text = write({ text: 'one tablet three times daily', doseAndRate: [{ doseQuantity: { value: 1, code: '{tbl}', system: UCUM } }], route: { coding: [{ code: 'PO' }] } });
    expect(text).toEqual({ text: 'one tablet three times daily oral', complete: false, fromText: true, amount: false, perUnitUsed: false });
    // Nothing to fall back on: the structure, however partial, and intake says what is missing.
    expect(write({ doseAndRate: [{ doseQuantity: { value: 300, code: 'mg', system: UCUM } }] })).toMatchObject({ text: '300 mg', complete: false, fromText: false });
  });
});
