// A FHIR body → one line per medication resource, in order; references followed; the rest listed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RESOURCES, readFhir, TooManyResources } from '../../../src/fhir/read-body.js';
import { testKb } from '../../helpers/kb.js';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const read = (body: unknown) => readFhir(body, testKb(), 'en');
const gabapentin = { resourceType: 'Medication', id: 'gaba', code: { coding: [{ system: RX, code: '25480' }] } };
const requestFor = (id: string, reference: string) => ({ resourceType: 'MedicationRequest', id, intent: 'proposal', medicationReference: { reference } });

describe('reading a FHIR body', () => {
  it('follows references to Medication by fullUrl, relative and absolute URL, with or without _history', () => {
    const r = read({
      resourceType: 'Bundle',
      entry: [
        { fullUrl: 'urn:uuid:1', resource: requestFor('a', 'urn:uuid:m') },
        { resource: requestFor('b', 'Medication/gaba') },
        { resource: requestFor('c', 'https://ehr.example/fhir/Medication/gaba/_history/3') },
        { fullUrl: 'urn:uuid:m', resource: gabapentin },
      ],
    });
    expect(r.lines.map((l) => [l.source.id, l.line])).toEqual([
      ['a', 'Gabapentin'],
      ['b', 'Gabapentin'],
      ['c', 'Gabapentin'],
    ]);
    expect(r.ignored).toEqual([]);
  });

  it('opens nested Bundles (a batch-response of searchsets) and keeps the order of the resources', () => {
    const search = (...resources: object[]) => ({ resource: { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) } });
    const r = read({
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p' } },
        search({ resourceType: 'MedicationStatement', id: 's1', medicationCodeableConcept: { text: 'Kinine 200 mg' } }),
        search({ resourceType: 'MedicationRequest', id: 'r1', medicationCodeableConcept: { text: 'Vitamine C 500 mg' } }),
      ],
    });
    expect(r.lines.map((l) => `${l.source.resourceType}/${l.source.id}`)).toEqual(['MedicationStatement/s1', 'MedicationRequest/r1']);
    expect(r.ignored).toEqual([{ resourceType: 'Patient', id: 'p' }]);
  });

  it('is tolerant of sloppy bundles: no type, an entry object instead of a list, entries without a resource', () => {
    const r = read({ resourceType: 'Bundle', entry: { resource: { resourceType: 'MedicationStatement', id: 's', medicationCodeableConcept: { text: 'Magnesium 400 mg' } } } });
    expect(r.lines).toHaveLength(1);
    expect(read({ resourceType: 'Bundle', entry: [{ request: { method: 'GET', url: 'MedicationRequest' } }, 'junk'] }).lines).toEqual([]);
  });

  it('lists what it does not read: other resource types and Medication no line refers to', () => {
    const r = read({ resourceType: 'Bundle', entry: [{ resource: gabapentin }, { resource: { resourceType: 'Observation', id: 'o' } }, { resource: { id: 'no-type' } }] });
    expect(r.ignored).toEqual([{ resourceType: 'Observation', id: 'o' }, { resourceType: 'unknown', id: 'no-type' }, { resourceType: 'Medication', id: 'gaba' }]);
  });

  it('reads active, confirmed allergies as previous reactions, by KB name when coded, with the reaction', () => {
    const allergy = (id: string, extra: object) => ({ resource: { resourceType: 'AllergyIntolerance', id, ...extra } });
    const r = read({
      resourceType: 'Bundle',
      entry: [
        allergy('q', { code: { coding: [{ system: RX, code: '9071' }], text: 'kinine' }, reaction: [{ manifestation: [{ text: 'thrombocytopenia' }] }] }),
        allergy('p', { code: { coding: [{ system: 'http://snomed.info/sct', code: '764146007', display: 'Penicillin (substance)' }] } }),
        allergy('old', { clinicalStatus: { coding: [{ code: 'resolved' }] }, code: { text: 'Codeine' } }),
        allergy('wrong', { verificationStatus: { coding: [{ code: 'refuted' }] }, code: { text: 'Aspirin' } }),
        { resource: { resourceType: 'MedicationStatement', id: 's', medicationCodeableConcept: { text: 'Kinine 200 mg' } } },
      ],
    });
    expect(r.allergies).toEqual(['Quinine (thrombocytopenia)', 'Penicillin']);
    expect(r.ignored.map((i) => i.id)).toEqual(['old', 'wrong']);
  });

  it('reads one resource on its own, with its contained Medication', () => {
    const r = read({ resourceType: 'MedicationRequest', id: 'one', status: 'active', intent: 'order', contained: [{ ...gabapentin, id: 'c' }], medicationReference: { reference: '#c' } });
    expect(r.lines.map((l) => l.line)).toEqual(['Gabapentin prescribed']);
  });

  it('refuses a body with more resources than any real list has', () => {
    const entry = Array.from({ length: MAX_RESOURCES + 1 }, (_, i) => ({ resource: { resourceType: 'Observation', id: String(i) } }));
    expect(() => read({ resourceType: 'Bundle', entry })).toThrow(TooManyResources);
  });
});

describe('reading any FHIR-shaped body', () => {
  it('never throws, and gives exactly one line per medication resource, whatever their fields hold', () => {
    const field = fc.oneof(fc.anything(), fc.record({ coding: fc.anything(), text: fc.anything() }), fc.array(fc.record({ text: fc.anything(), timing: fc.anything(), doseAndRate: fc.anything() })));
    const resource = fc.record({
      resourceType: fc.constantFrom('MedicationRequest', 'MedicationStatement', 'Medication', 'AllergyIntolerance', 'Bundle', 'Patient'),
      id: fc.oneof(fc.string(), fc.anything()),
      medicationCodeableConcept: field,
      medicationReference: fc.oneof(fc.record({ reference: fc.string() }), fc.anything()),
      dosageInstruction: field,
      dosage: field,
      code: field,
      entry: fc.anything(),
    }, { requiredKeys: ['resourceType'] });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 8 }), (resources) => {
        const r = read({ resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) });
        const medicines = resources.filter((x) => x.resourceType === 'MedicationRequest' || x.resourceType === 'MedicationStatement').length;
        const nested = resources.some((x) => x.resourceType === 'Bundle');
        if (!nested) expect(r.lines).toHaveLength(medicines);
        for (const l of r.lines) expect(l.line !== undefined || l.unreadable !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
