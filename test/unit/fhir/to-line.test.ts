// A MedicationRequest or MedicationStatement → the line intake reads, named by its code where the
// knowledge base carries it, and the resource's problems as reasons rather than silence.
import { describe, expect, it } from 'vitest';
import { entryForCodings } from '../../../src/fhir/kb-codes.js';
import { medicationLine } from '../../../src/fhir/to-line.js';
import { resolveLine } from '../../../src/resolve/resolve.js';
import { testKb } from '../../helpers/kb.js';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ATC = 'http://www.whocc.no/atc';
const UCUM = 'http://unitsofmeasure.org';
const noBundle = () => undefined;
const line = (resource: object, lang: 'en' | 'nl' = 'en') => medicationLine(resource, undefined, noBundle, testKb(), lang);
const tid = [{ timing: { code: { coding: [{ code: 'TID' }] } }, doseAndRate: [{ doseQuantity: { value: 300, unit: 'mg', system: UCUM, code: 'mg' } }] }];
const request = (medication: object, extra: object = {}) => ({ resourceType: 'MedicationRequest', id: 'rx1', status: 'active', intent: 'order', ...medication, dosageInstruction: tid, ...extra });

describe('knowledge-base codes', () => {
  const kb = testKb();
  it('finds an entry by its RxNorm code, and by an ATC code under a group the KB carries', () => {
    expect(entryForCodings(kb, [{ system: RX, code: '25480' }])).toEqual({ kind: 'substance', id: 'gabapentin' });
    expect(entryForCodings(kb, [{ system: 'urn:oid:2.16.840.1.113883.6.88', code: '11289' }])).toEqual({ kind: 'substance', id: 'warfarin' });
    expect(entryForCodings(kb, [{ system: ATC, code: 'A12CC10' }])).toEqual({ kind: 'substance', id: 'magnesium' });
  });

  it('does not guess: unknown systems, broad ATC groups and two substances name nothing', () => {
    expect(entryForCodings(kb, [{ system: 'http://snomed.info/sct', code: '25480' }])).toBeUndefined();
    expect(entryForCodings(kb, [{ system: ATC, code: 'A12' }])).toBeUndefined();
    expect(entryForCodings(kb, [{ system: RX, code: '25480' }, { system: RX, code: '11289' }])).toBeUndefined();
  });
});

describe('FHIR medication resource → line', () => {
  it('names a coded medicine with the knowledge base name and writes the structured dose', () => {
    const l = line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }], text: 'Neurontin caps' } }));
    expect(l).toMatchObject({ line: 'Gabapentin 300 mg 3 x per day prescribed', read: 'structured', textUsed: [], source: { resourceType: 'MedicationRequest', id: 'rx1' } });
    const item = resolveLine(0, l.line ?? '', testKb(), {});
    expect(item.ingredients[0]?.dose.daily).toMatchObject({ high: 900 });
    expect(item.tags).toContain('prescribed');
  });

  it('writes the name in the language of the answer', () => {
    expect(line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }] } }), 'nl').line).toBe('Gabapentine 300 mg 3 x per day prescribed');
  });

  it('takes the salt the text names, and says the text was used for it', () => {
    const l = line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '9071' }], text: 'Quinine sulfate 324 mg capsule' } }));
    expect(l.line).toBe('quinine sulfate 300 mg 3 x per day prescribed');
    expect(l).toMatchObject({ read: 'text', textUsed: ['medication'] });
    expect(resolveLine(0, l.line ?? '', testKb(), {}).ingredients[0]?.form?.id).toBe('sulfate');
  });

  it('tags only standing orders and plans as prescribed, not a draft still being written', () => {
    const coded = { medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }] } };
    expect(line(request(coded, { intent: 'plan' })).line).toMatch(/ prescribed$/);
    expect(line(request(coded, { intent: 'proposal' })).line).not.toMatch(/prescribed/);
    expect(line(request(coded, { status: 'draft' })).line).toBe('Gabapentin 300 mg 3 x per day');
    expect(line({ resourceType: 'MedicationStatement', id: 's1', ...coded, dosage: tid }).line).toBe('Gabapentin 300 mg 3 x per day');
  });

  it('uses the strength of a contained Medication for a dose in tablets', () => {
    const l = line({
      resourceType: 'MedicationStatement',
      id: 's1',
      contained: [{ resourceType: 'Medication', id: 'm', code: { coding: [{ system: ATC, code: 'A12CC10' }], text: 'Magnesium oxide tablet' }, ingredient: [{ itemCodeableConcept: { text: 'magnesium oxide' }, strength: { numerator: { value: 400, unit: 'mg', system: UCUM, code: 'mg' }, denominator: { value: 1, unit: 'tablet', system: UCUM, code: '{tbl}' } } }] }],
      medicationReference: { reference: '#m' },
      dosage: [{ timing: { code: { coding: [{ code: 'BID' }] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', system: UCUM, code: '{tbl}' } }] }],
    });
    expect(l.line).toBe('magnesium oxide 1 tablet of 400 mg 2 x per day');
    const item = resolveLine(0, l.line ?? '', testKb(), {});
    expect(item.ingredients[0]?.form?.id).toBe('oxide');
    expect(item.ingredients[0]?.dose.dailyAsWritten).toMatchObject({ high: 800, unit: 'mg' });
  });

  it('falls back to the text or display of an uncoded medicine, without SNOMED tags or a second strength', () => {
    const l = line(request({ medicationCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '324252006', display: 'Gabapentin 300mg capsule (product)' }] } }));
    expect(l).toMatchObject({ line: 'Gabapentin capsule 300 mg 3 x per day prescribed', read: 'text', textUsed: ['medication'] });
    const counted = line(request({ medicationCodeableConcept: { text: 'Gabapentin 300 mg capsule' } }, { dosageInstruction: [{ timing: { code: { coding: [{ code: 'TID' }] } }, doseAndRate: [{ doseQuantity: { value: 1, code: '{cap}', system: UCUM } }] }] }));
    expect(counted.line).toBe('Gabapentin 300 mg capsule 1 capsule 3 x per day prescribed');
    expect(resolveLine(0, counted.line ?? '', testKb(), {}).ingredients[0]?.dose.daily).toMatchObject({ high: 900 });
  });

  it('uses the display of a reference it cannot follow', () => {
    expect(line(request({ medicationReference: { reference: 'https://elsewhere.example/Medication/9', display: 'Warfarin 5 mg' } }, { dosageInstruction: [] })).line).toBe('Warfarin 5 mg prescribed');
  });

  it('writes the dosage text when the structure is incomplete, and joins several dosages so intake can see there are several', () => {
    const text = line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }] } }, { dosageInstruction: [{ text: '300 mg after each dialysis' }] }));
    expect(text).toMatchObject({ line: 'Gabapentin 300 mg after each dialysis prescribed', read: 'text', textUsed: ['dosage'] });
    const two = line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }] } }, { dosageInstruction: [{ ...tid[0], sequence: 2 }, { sequence: 1, text: '600 mg at bedtime' }] }));
    expect(two.line).toBe('Gabapentin 600 mg at bedtime + 300 mg 3 x per day prescribed');
    expect(resolveLine(0, two.line ?? '', testKb(), {}).ingredients[0]?.dose.gap).toBe('several-strengths');
  });

  it('turns a resource it cannot read into a reason, never a line left out', () => {
    expect(line({ resourceType: 'MedicationRequest', id: 'x', intent: 'order' })).toMatchObject({ read: 'none', unreadable: { code: 'no-medication' } });
    expect(line({ resourceType: 'MedicationRequest', id: 'x', medicationReference: { reference: 'Medication/gone' } })).toMatchObject({ read: 'none', unreadable: { code: 'medication-not-found', detail: 'Medication/gone' } });
    expect(line({ resourceType: 'MedicationRequest', id: 'x', contained: [{ resourceType: 'Medication', id: 'm' }], medicationReference: { reference: '#m' } })).toMatchObject({ unreadable: { code: 'medication-without-name' } });
    expect(line({ resourceType: 'MedicationRequest', id: 'x', medicationCodeableConcept: 'gabapentin' })).toMatchObject({ read: 'none', unreadable: { code: 'invalid', detail: expect.stringContaining('medicationCodeableConcept') } });
    expect(line(request({ medicationCodeableConcept: { text: 'x'.repeat(600) } }))).toMatchObject({ read: 'none', unreadable: { code: 'too-long' } });
  });

  it('keeps the medicine when one dosage is broken, using the words it has', () => {
    const l = line(request({ medicationCodeableConcept: { coding: [{ system: RX, code: '25480' }] } }, { dosageInstruction: [{ text: '300 mg three times daily', timing: 'TID' }] }));
    expect(l).toMatchObject({ line: 'Gabapentin 300 mg three times daily prescribed', read: 'text' });
  });
});
