/**
 * FHIR quantities (UCUM units, or the tablets and capsules senders count in) written as intake
 * reads them: "300 mg", "800 IU", "5 ml", "2 tablets", "10 mg/kg".
 */
import type { z } from 'zod';
import type { quantity } from './resources.js';

type Quantity = z.infer<typeof quantity>;

/** A unit as intake reads it; `count` units are tablets, capsules and the like, whose strength is per unit. */
export interface UnitWord {
  singular: string;
  plural: string;
  count: boolean;
}

const amount = (word: string): UnitWord => ({ singular: word, plural: word, count: false });
const counted = (singular: string, plural: string): UnitWord => ({ singular, plural, count: true });

const TABLET = counted('tablet', 'tablets');
const CAPSULE = counted('capsule', 'capsules');
const PUFF = counted('puff', 'puffs');
const DROP = counted('drop', 'drops');
const SACHET = counted('sachet', 'sachets');
const AMPOULE = counted('ampoule', 'ampoules');
const VIAL = counted('vial', 'vials');
const SUPPOSITORY = counted('suppository', 'suppositories');
const LOZENGE = counted('lozenge', 'lozenges');

/** UCUM codes (case-sensitive in UCUM, compared here in lower case) and the unit words senders write. */
const UNITS: Record<string, UnitWord> = {
  mg: amount('mg'),
  g: amount('g'),
  ug: amount('mcg'),
  'µg': amount('mcg'),
  mcg: amount('mcg'),
  '[iu]': amount('IU'),
  iu: amount('IU'),
  '[iu]/kg': amount('IU/kg'),
  // UCUM's U is the enzyme unit; insulin and heparin "units" are written with it, and intake reads units as IU.
  u: amount('units'),
  unit: amount('units'),
  units: amount('units'),
  mmol: amount('mmol'),
  ml: amount('ml'),
  l: amount('l'),
  cl: amount('cl'),
  dl: amount('dl'),
  'mg/kg': amount('mg/kg'),
  'ug/kg': amount('mcg/kg'),
  'mcg/kg': amount('mcg/kg'),
  '{tbl}': TABLET,
  '{tab}': TABLET,
  '{tablet}': TABLET,
  '{tablets}': TABLET,
  tbl: TABLET,
  tab: TABLET,
  tabs: TABLET,
  tablet: TABLET,
  tablets: TABLET,
  '{cap}': CAPSULE,
  '{capsule}': CAPSULE,
  '{capsules}': CAPSULE,
  cap: CAPSULE,
  caps: CAPSULE,
  capsule: CAPSULE,
  capsules: CAPSULE,
  '{puff}': PUFF,
  '{puffs}': PUFF,
  '{actuat}': PUFF,
  puff: PUFF,
  puffs: PUFF,
  actuation: PUFF,
  '[drp]': DROP,
  '{drop}': DROP,
  '{drops}': DROP,
  drop: DROP,
  drops: DROP,
  '{sachet}': SACHET,
  sachet: SACHET,
  sachets: SACHET,
  '{ampule}': AMPOULE,
  '{ampoule}': AMPOULE,
  ampule: AMPOULE,
  ampoule: AMPOULE,
  ampoules: AMPOULE,
  '{vial}': VIAL,
  vial: VIAL,
  vials: VIAL,
  '{suppository}': SUPPOSITORY,
  suppository: SUPPOSITORY,
  suppositories: SUPPOSITORY,
  lozenge: LOZENGE,
  lozenges: LOZENGE,
};

/** Dose-form and unit-of-presentation codes (SNOMED CT, HL7 v3 orderable drug form) used as dose units. */
const FORM_CODES: Record<string, UnitWord> = {
  '385055001': TABLET,
  '732936001': TABLET,
  '385049006': CAPSULE,
  '732937005': CAPSULE,
  TAB: TABLET,
  CAP: CAPSULE,
  SUPP: SUPPOSITORY,
};

const UCUM = 'http://unitsofmeasure.org';

export function unitWord(q: Pick<Quantity, 'unit' | 'code' | 'system'>): UnitWord | undefined {
  const code = q.code?.trim();
  const system = q.system?.trim();
  if (code && system && system !== UCUM && FORM_CODES[code]) return FORM_CODES[code];
  const byCode = code && (!system || system === UCUM) ? UNITS[code.toLowerCase()] : undefined;
  if (byCode) return byCode;
  const unit = q.unit?.trim().toLowerCase();
  return unit ? (UNITS[unit] ?? UNITS[unit.replace(/\(s\)$/, '')]) : undefined;
}

/** A number as it is written on a line: "0.5", "1250", never "1e-7". */
export function numberWord(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const s = String(Number(value.toPrecision(6)));
  return /e/i.test(s) ? undefined : s;
}

/** "300 mg", "2 tablets"; undefined when the value or the unit cannot be written for intake. */
export function quantityWords(q: Quantity | undefined): { text: string; unit: UnitWord } | undefined {
  if (!q || q.value === undefined) return undefined;
  const unit = unitWord(q);
  const value = numberWord(q.value);
  if (!unit || value === undefined) return undefined;
  return { text: `${value} ${q.value === 1 ? unit.singular : unit.plural}`, unit };
}

/** "200-400 mg", "1-2 tablets", from a FHIR Range whose ends share a unit. */
export function rangeWords(r: { low?: Quantity | undefined; high?: Quantity | undefined } | undefined): { text: string; unit: UnitWord } | undefined {
  const low = quantityWords(r?.low);
  const high = quantityWords(r?.high);
  if (!low || !high || low.unit !== high.unit || r?.low?.value === undefined) return undefined;
  const from = numberWord(r.low.value);
  return from === undefined ? undefined : { text: `${from}-${high.text}`, unit: high.unit };
}
