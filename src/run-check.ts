/** The whole pipeline after the edge: lines → intake → resolve → engine → explain → Report. */
import type { Assessment } from './engine/assessment.js';
import { check } from './engine/check.js';
import { explain } from './explain/explain.js';
import type { Report } from './explain/report.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { Lang } from './kb/schema.js';
import type { Patient } from './patient.js';
import { resolveLines } from './resolve/resolve.js';

/** Lines and the patient's context → the Assessment (codes and numbers, no words). */
export function assess(lines: readonly string[], patient: Patient, kb: KnowledgeBase): Assessment {
  const allergies = resolveLines(patient.allergies ?? [], kb, patient);
  return check(resolveLines(lines, kb, patient), patient, kb, { allergies });
}

export function runCheck(lines: readonly string[], patient: Patient, kb: KnowledgeBase, lang: Lang): Report {
  return explain(assess(lines, patient, kb), kb, lang);
}
