import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { projectRoot } from '../../src/paths.js';
import { compiledKb } from '../helpers/kb.js';

let app: ReturnType<typeof createApp>;
beforeAll(() => {
  app = createApp(compiledKb(), { rateLimitPerMinute: 10_000 });
});

const FIXTURES = join(projectRoot, 'test', 'fixtures', 'fhir');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const postFhir = (body: string | object, lang?: string) => {
  const r = request(app).post('/api/v1/check').set('Content-Type', 'application/fhir+json');
  if (lang) r.set('Accept-Language', lang);
  return r.send(typeof body === 'string' ? body : JSON.stringify(body));
};

interface Item {
  input: string;
  verdict: string;
  coverage: string;
  read: string;
  textUsed?: string[];
  source: { resourceType: string; id?: string; fullUrl?: string };
  unreadable?: { code: string; reason: string };
  substances: { id: string; name: string }[];
  dailyDose: { substance: { id: string }; amount: number; unit: string }[];
  findings: { code: string; severity: string; title: string }[];
}

/** The MedicationRequest and MedicationStatement resources of a body, in order, counted without DialySafe's reader. */
function medicationResources(resource: { resourceType?: string; id?: string; entry?: { resource?: unknown }[] }): { resourceType: string; id?: string }[] {
  if (resource.resourceType === 'Bundle') return (resource.entry ?? []).flatMap((e) => (e.resource ? medicationResources(e.resource as typeof resource) : []));
  return resource.resourceType === 'MedicationRequest' || resource.resourceType === 'MedicationStatement' ? [{ resourceType: resource.resourceType, ...(resource.id ? { id: resource.id } : {}) }] : [];
}

describe('POST /api/v1/check with the official HL7 FHIR R4 examples', () => {
  const files = readdirSync(join(FIXTURES, 'hl7-r4')).filter((f) => f.endsWith('.json'));
  const withMedicines = files.filter((f) => medicationResources(JSON.parse(fixture(`hl7-r4/${f}`))).length > 0);

  it('has every MedicationRequest and MedicationStatement example of the package, and Bundles that hold them', () => {
    expect(files.filter((f) => f.startsWith('MedicationRequest-'))).toHaveLength(40);
    expect(files.filter((f) => f.startsWith('MedicationStatement-'))).toHaveLength(7);
    expect(withMedicines.filter((f) => f.startsWith('Bundle-')).sort()).toEqual(['Bundle-bundle-example.json', 'Bundle-father.json']);
  });

  it.each(withMedicines)('%s → 200, one item per medication resource, in order, with its id', async (file) => {
    const body = fixture(`hl7-r4/${file}`);
    const res = await postFhir(body);
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    const expected = medicationResources(JSON.parse(body));
    expect(items.map((i) => ({ resourceType: i.source.resourceType, ...(i.source.id ? { id: i.source.id } : {}) }))).toEqual(expected);
    for (const item of items) {
      expect(['structured', 'text', 'none']).toContain(item.read);
      expect(['avoid', 'caution', 'ok', 'unknown']).toContain(item.verdict);
      if (item.read === 'none') expect(item).toMatchObject({ verdict: 'unknown', unreadable: { reason: expect.any(String) } });
    }
    expect(res.body.summary.unknown + res.body.summary.ok + res.body.summary.caution + res.body.summary.avoid).toBe(items.length);
  });

  it('reads a document Bundle: the medicines, the allergy, and the other resources listed as ignored', async () => {
    const res = await postFhir(fixture('hl7-r4/Bundle-father.json'));
    expect(res.body.items.map((i: Item) => i.input)).toEqual(['Theophylline 200mg 1 tablet 2 x per day oral', 'Ventolin Inhaler']);
    expect(res.body.allergies).toEqual([{ input: 'Doxycycline (Hives)', substances: expect.any(Array) }]);
    expect(res.body.ignored.map((i: { resourceType: string }) => i.resourceType)).toEqual(['Composition', 'Practitioner', 'Patient', 'Encounter', 'Observation']);
  });

  it('says why a medicine could not be read (a Medication without code or name)', async () => {
    const res = await postFhir(fixture('hl7-r4/Bundle-bundle-example.json'));
    expect(res.body.items).toEqual([
      expect.objectContaining({ input: 'MedicationRequest/3123', verdict: 'unknown', coverage: 'not-recognised', read: 'none', unreadable: { code: 'medication-without-name', reason: expect.stringMatching(/no code DialySafe knows/) } }),
    ]);
  });

  it('answers a body without any medication resource with a 400 that says so', async () => {
    const res = await postFhir(fixture('hl7-r4/Bundle-bundle-response-medsallergies.json'));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('the FHIR body holds no MedicationRequest or MedicationStatement to check');
  });

  it('reads SNOMED displays without their semantic tag, so the dose is checked', async () => {
    const res = await postFhir(fixture('hl7-r4/MedicationRequest-medrx0324.json'));
    const [item] = res.body.items as Item[];
    expect(item?.input).toBe('Paracetamol suppository 240 mg 2 x per day as needed max 720 mg per day prescribed');
    expect(item?.dailyDose).toEqual([expect.objectContaining({ substance: expect.objectContaining({ id: 'paracetamol' }), amount: 720, unit: 'mg' })]);
  });
});

describe('POST /api/v1/check with a dialysis home list as a FHIR Bundle', () => {
  let items: Item[];
  let body: { ignored: unknown[]; interactions: { code: string; items: number[] }[]; allergies: { input: string }[] };
  beforeAll(async () => {
    const res = await postFhir(fixture('dialysis/bundle-home-list.json'));
    expect(res.status).toBe(200);
    items = res.body.items;
    body = res.body;
  });

  it('gives one item per medication resource, in order, with its id', () => {
    expect(items.map((i) => i.source.id)).toEqual(['home-quinine', 'home-magnesium-oxide', 'home-vitamin-e', 'home-warfarin', 'home-gabapentin', 'home-levocarnitine', 'home-unknown-reference']);
  });

  it('reads the structured dosages into the daily doses the engine checks', () => {
    const [quinine, magnesium, vitaminE, warfarin, gabapentin, carnitine] = items;
    expect(quinine).toMatchObject({ input: 'quinine sulfate 324 mg at bedtime oral', verdict: 'avoid', substances: [{ id: 'quinine' }] });
    expect(quinine?.findings.map((f) => f.code)).toContain('quinine.above-cramp-dose');
    // Self-reported, not prescribed: a magnesium supplement builds up in dialysis.
    expect(magnesium).toMatchObject({ input: 'magnesium oxide 400 mg 2 x per day oral', verdict: 'avoid' });
    expect(magnesium?.findings.map((f) => f.code)).toContain('magnesium.supplement-accumulates');
    expect(vitaminE).toMatchObject({ input: 'Vitamin E 800 IU 1 x per day oral', read: 'structured' });
    expect(warfarin).toMatchObject({ input: 'Warfarin 5 mg 1 x per day oral prescribed', read: 'structured' });
    expect(warfarin?.textUsed).toBeUndefined();
    expect(gabapentin).toMatchObject({ input: 'Gabapentin 300 mg 3 x per day prescribed', verdict: 'avoid', read: 'structured' });
    expect(gabapentin?.dailyDose).toEqual([expect.objectContaining({ amount: 900, unit: 'mg' })]);
    expect(gabapentin?.findings.map((f) => f.code)).toContain('gabapentin.above-dialysis-cap');
    expect(carnitine).toMatchObject({ input: 'levocarnitine (L-carnitine) 1 g na elke dialyse iv prescribed', read: 'text', textUsed: ['medication', 'dosage'], substances: [{ id: 'l-carnitine' }] });
  });

  it('finds the interaction of vitamin E with warfarin across the resources', () => {
    expect(body.interactions).toContainEqual(expect.objectContaining({ code: 'vitamin-e.coumarins', items: [2, 3] }));
  });

  it('makes an unresolvable reference an item not checked, with the reason', () => {
    expect(items[6]).toMatchObject({ verdict: 'unknown', read: 'none', unreadable: { code: 'medication-not-found', reason: expect.stringContaining('Medication/not-in-this-bundle') } });
  });

  it('reads the allergy and lists the resources it does not read', () => {
    expect(body.allergies.map((a) => a.input)).toEqual(['Penicillin (rash)']);
    expect(body.ignored).toEqual([
      { resourceType: 'Patient', id: 'dialysis-1' },
      { resourceType: 'Observation', id: 'dry-weight' },
    ]);
  });

  it('answers in Dutch for Accept-Language: nl', async () => {
    const res = await postFhir(fixture('dialysis/bundle-home-list.json'), 'nl-NL,nl;q=0.9,en;q=0.5');
    expect(res.body.items[4].input).toBe('Gabapentine 300 mg 3 x per day prescribed');
    expect(res.body.items[4].substances).toEqual([{ id: 'gabapentin', name: 'Gabapentine' }]);
    expect(res.body.items[6].unreadable.reason).toMatch(/^Het Medication waarnaar ze verwijst/);
  });
});

describe('POST /api/v1/check with FHIR: sloppy senders and bad bodies', () => {
  const statement = (extra: object) => ({ resourceType: 'MedicationStatement', id: 's', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '25480' }] }, ...extra });

  it('reads an STU3-style dose on the dosage, numbers as strings, and the DSTU2 media type', async () => {
    const res = await request(app)
      .post('/api/v1/check')
      .set('Content-Type', 'application/json+fhir')
      .send(JSON.stringify(statement({ dosage: [{ timing: { repeat: { frequency: '3', period: 1, periodUnit: 'd' } }, doseQuantity: { value: 300, unit: 'mg' } }] })));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ input: 'Gabapentin 300 mg 3 x per day', dailyDose: [expect.objectContaining({ amount: 900 })] });
  });

  it('makes an invalid resource an item not checked, and still checks the others', async () => {
    const res = await postFhir({ resourceType: 'Bundle', entry: [{ resource: statement({ dosage: 'three times a day', medicationCodeableConcept: 42 }) }, { resource: statement({ id: 'ok' }) }] });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ verdict: 'unknown', read: 'none', unreadable: { code: 'invalid', reason: expect.stringContaining('medicationCodeableConcept') } });
    expect(res.body.items[1]).toMatchObject({ source: { id: 'ok' }, substances: [{ id: 'gabapentin' }] });
  });

  it.each([
    ['a resource that is not a medication', { resourceType: 'Patient', id: 'p' }, /resourceType must be Bundle, MedicationRequest or MedicationStatement/],
    ['not a resource', [1, 2], /must be a FHIR R4 resource/],
    ['a string', '"MedicationRequest"', /must be a FHIR R4 resource/],
  ])('answers %s with 400 JSON', async (_what, body, message) => {
    const res = await postFhir(typeof body === 'string' ? body : JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { message: string }) => i.message).join(' ')).toMatch(message);
  });

  it('answers invalid JSON, too many medicines and a too large body in JSON, never 500', async () => {
    const bad = await postFhir('{"resourceType": "Bundle", ');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('the body is not valid JSON');
    const many = await postFhir({ resourceType: 'Bundle', entry: Array.from({ length: 101 }, (_, i) => ({ resource: statement({ id: String(i) }) })) });
    expect(many.status).toBe(400);
    expect(many.body.error).toMatch(/at most 100 MedicationRequest or MedicationStatement/);
    const huge = await postFhir({ resourceType: 'Bundle', entry: [{ resource: statement({ note: [{ text: 'x'.repeat(3 * 1024 * 1024) }] }) }] });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatch(/the body is too large/);
  });

  it('still answers the JSON list as before, and names both media types when it gets neither', async () => {
    const json = await request(app).post('/api/v1/check').set('Content-Type', 'application/json').send(JSON.stringify({ items: ['Gabapentin 300 mg 3 x per day'] }));
    expect(json.status).toBe(200);
    expect(json.body.items[0].source).toBeUndefined();
    const text = await request(app).post('/api/v1/check').set('Content-Type', 'text/plain').send('Gabapentin');
    expect(text.status).toBe(400);
    expect(text.body.error).toMatch(/application\/fhir\+json/);
  });
});
