/**
 * The request bodies of the CDS Hooks 2.0 endpoints (https://cds-hooks.hl7.org/2.0/), as zod
 * schemas. Fields the specification adds (or an `extension`) pass through; what DialySafe reads
 * is checked. FHIR resources inside are read leniently by src/fhir/.
 */
import { z } from 'zod';
import { HOOKS } from './services.js';

const fhirResource = z.looseObject({ resourceType: z.string({ error: 'must be a FHIR resource with a resourceType' }) });
const bundle = z.looseObject({ resourceType: z.literal('Bundle', { error: 'draftOrders must be a FHIR Bundle' }) });

export const fhirAuthorization = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', { error: 'token_type must be Bearer' }),
  expires_in: z.number().int().nonnegative(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

const commonContext = {
  userId: z.string({ error: 'context.userId is required' }).min(1),
  patientId: z.string({ error: 'context.patientId is required' }).min(1),
  encounterId: z.string().optional(),
  draftOrders: bundle,
};

/** What every hook call has, before the hook-specific context is read. */
const envelope = {
  hook: z.string({ error: 'hook is required' }).min(1),
  hookInstance: z.string({ error: 'hookInstance is required' }).min(1).max(200),
  fhirServer: z.url({ protocol: /^https?$/, error: 'fhirServer must be an http(s) URL' }).optional(),
  fhirAuthorization: fhirAuthorization.optional(),
  /** Prefetch key → the resource or search Bundle the client fetched, or null when it could not. */
  prefetch: z.record(z.string(), fhirResource.nullable()).optional(),
};

const fhirServerWithAuthorization = (r: { fhirServer?: string | undefined; fhirAuthorization?: unknown }, ctx: z.core.$RefinementCtx) => {
  if (r.fhirAuthorization !== undefined && r.fhirServer === undefined) {
    ctx.addIssue({ code: 'custom', path: ['fhirServer'], message: 'fhirServer is required with fhirAuthorization' });
  }
};

export const hookCall = z.looseObject({ hook: envelope.hook }, { error: 'the body must be a CDS Hooks request (a JSON object)' });

export const orderSignRequest = z
  .looseObject({ ...envelope, hook: z.literal('order-sign'), context: z.looseObject(commonContext) }, { error: 'the body must be a CDS Hooks request' })
  .superRefine(fhirServerWithAuthorization);

export const orderSelectRequest = z
  .looseObject(
    {
      ...envelope,
      hook: z.literal('order-select'),
      context: z.looseObject({
        ...commonContext,
        selections: z.array(z.string(), { error: 'context.selections must be a list of ids ("MedicationRequest/123")' }).min(1),
      }),
    },
    { error: 'the body must be a CDS Hooks request' },
  )
  .superRefine(fhirServerWithAuthorization);

export type OrderSignRequest = z.infer<typeof orderSignRequest>;
export type OrderSelectRequest = z.infer<typeof orderSelectRequest>;
export type HookRequest = OrderSignRequest | OrderSelectRequest;

export const hookRequests = { 'order-sign': orderSignRequest, 'order-select': orderSelectRequest } as const satisfies Record<(typeof HOOKS)[number], z.ZodType>;

const coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });

export const feedbackItem = z
  .looseObject({
    card: z.string({ error: 'card (the card uuid) is required' }).min(1).max(200),
    outcome: z.enum(['accepted', 'overridden'], { error: 'outcome must be accepted or overridden' }),
    acceptedSuggestions: z.array(z.looseObject({ id: z.string().min(1).max(200) })).max(50).optional(),
    overrideReason: z.looseObject({ reason: coding.optional(), userComment: z.string().max(10_000).optional() }).optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true, error: 'outcomeTimestamp must be an ISO 8601 date and time (2021-12-11T10:05:31Z)' }),
  })
  .superRefine((f, ctx) => {
    if (f.outcome === 'accepted' && (f.acceptedSuggestions ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['acceptedSuggestions'], message: 'an accepted outcome needs acceptedSuggestions' });
    }
  });

/** POST /cds-services/{id}/feedback. */
export const feedbackRequest = z.looseObject(
  { feedback: z.array(feedbackItem, { error: 'feedback must be a list' }).min(1).max(100) },
  { error: 'the body must be {"feedback": [...]}' },
);
export type FeedbackItem = z.infer<typeof feedbackItem>;
