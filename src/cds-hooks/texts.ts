/**
 * The words of CDS Hooks cards that are not the knowledge base's: labels, the "not checked"
 * and "current medicines not available" cards, suggestions and override reasons, in English and
 * Dutch. Clinical texts come from the Report (explain/), never from here.
 */
import type { Lang } from '../kb/schema.js';

export const OVERRIDE_REASON_SYSTEM = 'urn:dialysafe:cds-hooks:override-reason';

export const OVERRIDE_REASONS = [
  'benefit-outweighs-risk',
  'will-monitor',
  'already-reviewed',
  'dose-adjusted',
  'not-applicable',
  'patient-choice',
  'list-incorrect',
] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

const en = {
  kbLabel: (version: string) => `DialySafe knowledge base ${version}`,
  limit: 'limit',
  limitLabel: 'Limit',
  thisOrder: 'this order',
  notChecked: (name: string) => `Not checked: ${name} was not recognised — verify by hand`,
  notReadable: (what: string) => `Not checked: ${what} could not be read — verify by hand`,
  notCheckedDetail: 'DialySafe did not check this order. Check it by hand against a renal drug reference, or with a pharmacist.',
  unavailable: 'Current medicines not available: the orders were checked on their own',
  unavailableDetail:
    'No current medicines were sent (prefetch) and none could be fetched, so interactions with what the patient already takes were **not** checked. Check them by hand.',
  fetchFailed: (reason: string) => `Fetching them from the FHIR server failed: ${reason}.`,
  someLeftOut: (checked: number, all: number) => `Only ${checked} of ${all} current medicines were checked with the orders`,
  someLeftOutDetail: 'A check takes at most 100 lines; the other current medicines were not checked for interactions with these orders.',
  order: 'Order',
  readStructured: 'read from codes and the structured dosage only',
  readText: 'read partly from free text',
  dose: 'Dose worked out',
  doseNotWorkedOut: 'not worked out',
  advice: 'Advice',
  evidence: 'Evidence',
  references: 'References',
  concerns: 'Concerns',
  currentMedicine: 'current medicine',
  actOnElsewhere: (names: string) => `The change belongs on ${names}, not on this order.`,
  remove: (name: string) => `Remove the order for ${name}`,
  removeDescription: (name: string) => `Remove the draft order for ${name}`,
  kbEntry: (name: string) => `DialySafe: ${name}`,
  overrideReasons: {
    'benefit-outweighs-risk': 'The benefit outweighs the risk for this patient',
    'will-monitor': 'Will monitor (levels, blood tests, ECG, bleeding)',
    'already-reviewed': 'Already reviewed with the nephrologist or pharmacist',
    'dose-adjusted': 'The dose is already adjusted for dialysis',
    'not-applicable': 'Does not apply to this patient',
    'patient-choice': "The patient's informed choice",
    'list-incorrect': 'The medicine or dose shown is not what the patient takes',
  } satisfies Record<OverrideReason, string>,
};

export type CardTexts = typeof en;

const nl: CardTexts = {
  kbLabel: (version) => `DialySafe-kennisbank ${version}`,
  limit: 'grens',
  limitLabel: 'Grens',
  thisOrder: 'deze opdracht',
  notChecked: (name) => `Niet gecontroleerd: ${name} is niet herkend — controleer zelf`,
  notReadable: (what) => `Niet gecontroleerd: ${what} kon niet gelezen worden — controleer zelf`,
  notCheckedDetail: 'DialySafe heeft deze opdracht niet gecontroleerd. Controleer haar zelf met een naslagwerk voor nierfunctie, of met een apotheker.',
  unavailable: 'Huidige medicatie niet beschikbaar: de opdrachten zijn alleen op zichzelf gecontroleerd',
  unavailableDetail:
    'Er is geen huidige medicatie meegestuurd (prefetch) en er kon er geen worden opgehaald, dus wisselwerkingen met wat de patiënt al gebruikt zijn **niet** gecontroleerd. Controleer die zelf.',
  fetchFailed: (reason) => `Ophalen bij de FHIR-server is mislukt: ${reason}.`,
  someLeftOut: (checked, all) => `Slechts ${checked} van de ${all} huidige middelen zijn met de opdrachten gecontroleerd`,
  someLeftOutDetail: 'Een controle neemt ten hoogste 100 regels; de andere huidige middelen zijn niet op wisselwerkingen met deze opdrachten gecontroleerd.',
  order: 'Opdracht',
  readStructured: 'alleen uit codes en de gestructureerde dosering gelezen',
  readText: 'deels uit vrije tekst gelezen',
  dose: 'Berekende dosis',
  doseNotWorkedOut: 'niet berekend',
  advice: 'Advies',
  evidence: 'Onderbouwing',
  references: 'Bronnen',
  concerns: 'Betreft',
  currentMedicine: 'huidige medicatie',
  actOnElsewhere: (names) => `De wijziging hoort bij ${names}, niet bij deze opdracht.`,
  remove: (name) => `Verwijder de opdracht voor ${name}`,
  removeDescription: (name) => `Verwijder de conceptopdracht voor ${name}`,
  kbEntry: (name) => `DialySafe: ${name}`,
  overrideReasons: {
    'benefit-outweighs-risk': 'Het voordeel weegt voor deze patiënt op tegen het risico',
    'will-monitor': 'Wordt gecontroleerd (spiegels, bloed, ECG, bloedingen)',
    'already-reviewed': 'Al besproken met de nefroloog of apotheker',
    'dose-adjusted': 'De dosis is al aangepast voor dialyse',
    'not-applicable': 'Geldt niet voor deze patiënt',
    'patient-choice': 'Geïnformeerde keuze van de patiënt',
    'list-incorrect': 'Het getoonde middel of de dosis klopt niet met wat de patiënt gebruikt',
  },
};

export function cardTexts(lang: Lang): CardTexts {
  return lang === 'nl' ? nl : en;
}
