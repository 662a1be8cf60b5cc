/** Where a finding's knowledge-base entry is browsable; shared by the HTML and JSON presenters. */
import type { FindingSource } from './engine/assessment.js';

export function kbPath(source: FindingSource): string {
  switch (source.kind) {
    case 'coverage':
      return '/kb/coverage';
    case 'interaction':
      return `/kb/interactions#${source.id}`;
    case 'context':
      return `/kb/context#${source.id}`;
    default:
      return `/kb/${source.id}`;
  }
}
