/** The CDS Hooks services DialySafe offers, as data: discovery returns them unchanged. */

export const HOOKS = ['order-select', 'order-sign'] as const;
export type Hook = (typeof HOOKS)[number];

/** Prefetch keys: what each service asks the CDS client to send with every call (the keys are read in check-orders.ts). */
export const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
  medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}&clinical-status=active',
} as const;

export interface CdsService {
  hook: Hook;
  id: string;
  title: string;
  description: string;
  prefetch: typeof PREFETCH;
  usageRequirements: string;
}

const USAGE =
  'For people on haemodialysis. Without prefetched current medicines, or fhirServer and fhirAuthorization to fetch them, ' +
  'the orders are checked on their own and a card says so. The dialysis context is not read from FHIR: three sessions a week are assumed.';

export const SERVICES: readonly CdsService[] = [
  {
    hook: 'order-select',
    id: 'dialysafe-order-select',
    title: 'DialySafe: medicines in haemodialysis (order-select)',
    description:
      'Checks the selected medication orders, together with the current medicines and previous reactions, for people on haemodialysis: ' +
      'cramp remedies and supplements (quinine, magnesium, vitamin E and C, L-carnitine, …), dose limits in kidney failure and the interactions in the DialySafe knowledge base. ' +
      'One card per finding; an order it does not recognise gets a card saying it was not checked.',
    prefetch: PREFETCH,
    usageRequirements: USAGE,
  },
  {
    hook: 'order-sign',
    id: 'dialysafe-order-sign',
    title: 'DialySafe: medicines in haemodialysis (order-sign)',
    description:
      'Checks the draft medication orders being signed, together with the current medicines and previous reactions, for people on haemodialysis: ' +
      'the daily dose worked out against the limits in kidney failure, avoid and caution rules, and interactions with what the patient already takes. ' +
      'Suggests removing an order where the knowledge base says to avoid or change it.',
    prefetch: PREFETCH,
    usageRequirements: USAGE,
  },
];

export function serviceById(id: string): CdsService | undefined {
  return SERVICES.find((s) => s.id === id);
}
