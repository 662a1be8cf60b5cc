/** The whole pipeline after the edge: lines → intake → resolve → engine → Report. */
import { check } from './engine/check.js';
import type { Report } from './engine/report.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { Lang } from './kb/schema.js';
import type { Patient } from './patient.js';
import { resolveLines } from './resolve/resolve.js';

export function runCheck(lines: readonly string[], patient: Patient, kb: KnowledgeBase, lang: Lang): Report {
  return check(resolveLines(lines, kb, patient), patient, kb, { lang });
}
