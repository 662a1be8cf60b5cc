/** The whole pipeline after the edge: lines → intake → resolve → engine → explain → Report. */
import type { Assessment } from './engine/assessment.js';
import { check, checkSteps } from './engine/check.js';
import { explain, explainSteps } from './explain/explain.js';
import type { Report } from './explain/report.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { Lang } from './kb/schema.js';
import type { Patient } from './patient.js';
import { listResolver, resolveLines } from './resolve/resolve.js';
import type { ResolvedItem } from './resolve/types.js';
import { inTurn, Slices } from './slices.js';

/** Lines and the patient's context → the Assessment (codes and numbers, no words). */
export function assess(lines: readonly string[], patient: Patient, kb: KnowledgeBase): Assessment {
  const allergies = resolveLines(patient.allergies ?? [], kb, patient);
  return check(resolveLines(lines, kb, patient), patient, kb, { allergies });
}

export function runCheck(lines: readonly string[], patient: Patient, kb: KnowledgeBase, lang: Lang): Report {
  return explain(assess(lines, patient, kb), kb, lang);
}

/** Resolved lines → the Assessment and its Report, the engine and the explanation a step at a time. */
export async function checkItemsInSlices(items: ResolvedItem[], patient: Patient, kb: KnowledgeBase, lang: Lang, slices: Slices): Promise<{ assessment: Assessment; report: Report }> {
  const allergies = resolveLines(patient.allergies ?? [], kb, patient);
  await slices.pause();
  const assessment = await slices.run(checkSteps(items, patient, kb, { allergies }));
  await slices.pause();
  return { assessment, report: await slices.run(explainSteps(assessment, kb, lang)) };
}

/** runCheck as the server runs it: in its turn, and in slices (see slices.ts), a line or a stage at a time. */
export function runCheckInSlices(lines: readonly string[], patient: Patient, kb: KnowledgeBase, lang: Lang, slices = new Slices()): Promise<Report> {
  return inTurn(lines.length, async () => {
    const resolve = listResolver(kb, patient);
    const items = await slices.map(lines, (line, i) => resolve(i, line));
    return (await checkItemsInSlices(items, patient, kb, lang, slices)).report;
  });
}
