/**
 * The server checks a long list a step at a time, with other requests answered between steps
 * (slices.ts). The stages after reading the lines are written as steps: each must stop after
 * every line, so no stage of one list holds the server for all of its lines at once, and run in
 * steps it must give the same report as run at once.
 */
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL } from '../../../bench/adversarial.js';
import { check, checkSteps } from '../../../src/engine/check.js';
import { explain, explainSteps } from '../../../src/explain/explain.js';
import { resolveLines } from '../../../src/resolve/resolve.js';
import type { Steps } from '../../../src/steps.js';
import { reportViewSteps } from '../../../src/web/report-view.js';
import { testKb } from '../../helpers/kb.js';

function stepped<T>(steps: Steps<T>): { value: T; stops: number } {
  let stops = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, stops };
    stops++;
  }
}

// Lines with many interaction partners, as in the bench's worst case, and an ordinary list.
const LINES = [...ADVERSARIAL.slice(0, 10).map((a) => a.line), 'Kinine 200 mg a.n.', 'Acenocoumarol 1 mg volgens schema', 'Vitamine E 400 IE 1dd1', 'Magnesiumoxide 500 mg 2dd1'];

describe('the stages of a check, in steps', () => {
  const kb = testKb();
  const items = resolveLines(LINES, kb, {});

  it('stops after every line in the engine, the explanation and the report page, and gives the same result as at once', () => {
    const assessed = stepped(checkSteps(items, {}, kb));
    expect(assessed.stops).toBeGreaterThanOrEqual(LINES.length);
    expect(assessed.value).toEqual(check(items, {}, kb));
    expect(assessed.value.interactions.length).toBeGreaterThan(0);

    const explained = stepped(explainSteps(assessed.value, kb, 'nl'));
    expect(explained.stops).toBeGreaterThanOrEqual(LINES.length);
    expect(explained.value).toEqual(explain(assessed.value, kb, 'nl'));

    const page = stepped(reportViewSteps(explained.value, { lang: 'nl', view: 'pro', sort: 'triage' }, new Date(0)));
    expect(page.stops).toBeGreaterThanOrEqual(LINES.length);
    expect(page.value.lines.map((l) => l.input)).toEqual(LINES);
  });
});
