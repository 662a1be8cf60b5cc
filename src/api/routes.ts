/** JSON API v1: validate → check → present; FHIR R4 bodies are read into lines first. */
import express, { Router, type Request, type RequestHandler } from 'express';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Lang } from '../kb/schema.js';
import { runCheckInSlices } from '../run-check.js';
import { Slices } from '../slices.js';
import { bodyError, validationError } from '../http/errors.js';
import { sendJsonInSlices } from '../http/json-in-slices.js';
import { checkFhirInSlices, provenance } from '../fhir/check-fhir.js';
import { FHIR_BODY_LIMIT_BYTES, readFhir, TooManyResources } from '../fhir/read-body.js';
import { fhirCheckBody } from '../fhir/resources.js';
import { LIST_LIMITS } from '../list-limits.js';
import { checkRequest } from './check-request.js';
import { presentJson } from './present-json.js';

/** A host name with an optional port, nothing else ("evil.test@x" or "a/b" are not). */
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The origin for links: the configured one, else the request's (as Express reads it, from
 * X-Forwarded-Proto and -Host only through a trusted proxy). A protocol other than http or https,
 * or a host that is not one, gives relative links.
 */
export function originOf(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl;
  const protocol = req.protocol.toLowerCase();
  const host = req.host;
  return (protocol === 'http' || protocol === 'https') && host && HOST.test(host) ? `${protocol}://${host}` : '';
}

/** FHIR media types: R4's, and the one DSTU2 senders still use. */
export const FHIR_JSON = ['application/fhir+json', 'application/json+fhir'];

/** The language of a FHIR answer or a CDS card: from Accept-Language (nl, en), English by default. */
export function languageOf(req: Request): Lang {
  if (!req.get('accept-language')) return 'en';
  return req.acceptsLanguages('en', 'nl') === 'nl' ? 'nl' : 'en';
}

/** Parses a FHIR JSON body (or, for CDS Hooks, any JSON body), with its own larger size limit and message. */
export function fhirJsonParser(types: string[] = FHIR_JSON): RequestHandler {
  const parse = express.json({ type: types, limit: FHIR_BODY_LIMIT_BYTES, strict: false });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      const tooLarge = (error as { type?: string } | undefined)?.type === 'entity.too.large';
      next(tooLarge ? bodyError(`the body is too large: at most ${FHIR_BODY_LIMIT_BYTES / 1024 / 1024} MB is read`, 413) : error);
    });
}

async function checkFhirBody(req: Request, kb: KnowledgeBase) {
  const envelope = fhirCheckBody.safeParse(req.body);
  if (!envelope.success) throw validationError('the FHIR body is not valid', envelope.error.issues);
  const lang = languageOf(req);
  let reading;
  try {
    reading = readFhir(envelope.data, kb, lang);
  } catch (error) {
    if (error instanceof TooManyResources) throw bodyError(error.message, 413);
    throw error;
  }
  if (reading.lines.length === 0) throw bodyError('the FHIR body holds no MedicationRequest or MedicationStatement to check');
  if (reading.lines.length > LIST_LIMITS.lines) throw bodyError(`at most ${LIST_LIMITS.lines} MedicationRequest or MedicationStatement resources can be checked at once`);
  const slices = new Slices();
  return { ...(await checkFhirInSlices(reading.lines, { allergies: reading.allergies }, kb, lang, slices)), reading, lang, slices };
}

export function apiRouter(kb: KnowledgeBase, publicBaseUrl?: string): Router {
  const router = Router();
  router.post('/check', fhirJsonParser(), async (req, res) => {
    if (req.is(FHIR_JSON)) {
      const { report, reading, lang, slices } = await checkFhirBody(req, kb);
      const json = presentJson(report, originOf(req, publicBaseUrl));
      const answer = {
        ...json,
        items: json.items.map((item, i) => {
          const line = reading.lines[i];
          return line ? { ...item, ...provenance(line, lang) } : item;
        }),
        ignored: reading.ignored,
      };
      await sendJsonInSlices(res, answer, slices);
      return;
    }
    if (!req.is('application/json')) {
      throw bodyError('send the list as JSON with Content-Type: application/json, or FHIR R4 with Content-Type: application/fhir+json');
    }
    const parsed = checkRequest.safeParse(req.body);
    if (!parsed.success) throw validationError('the request is not valid', parsed.error.issues);
    const { items, patient, lang } = parsed.data;
    const slices = new Slices();
    const report = await runCheckInSlices(items, patient, kb, lang, slices);
    await slices.pause();
    await sendJsonInSlices(res, presentJson(report, originOf(req, publicBaseUrl)), slices);
  });
  return router;
}
