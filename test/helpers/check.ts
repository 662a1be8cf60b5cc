import type { Lang } from '../../src/kb/schema.js';
import type { Patient } from '../../src/patient.js';
import { runCheck } from '../../src/run-check.js';
import { testKb } from './kb.js';

export function checkLines(lines: string[], options: { patient?: Patient; lang?: Lang } = {}) {
  return runCheck(lines, options.patient ?? {}, testKb(), options.lang ?? 'en');
}

export function checkOne(line: string, options: { patient?: Patient; lang?: Lang } = {}) {
  const report = checkLines([line], options);
  const item = report.items[0];
  if (!item) throw new Error('no line in report');
  return { report, item, codes: item.findings.map((f) => f.code) };
}
