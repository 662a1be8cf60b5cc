import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../src/api/check-request.js';
import { presentJson } from '../../../src/api/present-json.js';
import { checkEntry } from '../../../src/cli/check-entry.js';
import type { CheckOptions, ListEntry } from '../../../src/cli/entries.js';
import { runCheck } from '../../../src/run-check.js';
import { testKb } from '../../helpers/kb.js';

const full: CheckOptions = { format: 'full', baseUrl: '' };
const ndjson = (value: unknown, line = 1): ListEntry => ({ kind: 'ndjson', line, text: typeof value === 'string' ? value : JSON.stringify(value) });
const run = (entry: ListEntry, options = full) => {
  const outcome = checkEntry(entry, testKb(), options);
  return { ...outcome, json: JSON.parse(outcome.text) as Record<string, unknown> };
};

const items = ['Kinine 250 mg 1dd a.n.', 'Magnesium citrate 400 mg daily', 'Foobarex 10 mg'];
const patient = { targetWeightKg: 55, weightGainKg: 3.2, sessionHours: 4 };

describe('checkEntry', () => {
  it('answers a list with the JSON API report, led by its id and input line, and counts its summary verdict', () => {
    const { json, level } = run(ndjson({ id: 'p1', lang: 'nl', patient, items }, 7));
    expect(json).toEqual({ id: 'p1', line: 7, ...presentJson(runCheck(items, patient, testKb(), 'nl'), '') });
    expect(Object.keys(json).slice(0, 2)).toEqual(['id', 'line']);
    expect(level).toBe('avoid');
    expect(json.summary).toMatchObject({ verdict: 'avoid' });
  });

  it('links into the knowledge base relative to --base-url, or relatively without it', () => {
    const link = (baseUrl: string) => {
      const { json } = run(ndjson({ items: ['Kinine 250 mg 1dd a.n.'] }), { format: 'full', baseUrl });
      return (json.items as { findings: { kbUrl: string }[] }[])[0]?.findings[0]?.kbUrl;
    };
    expect(link('')).toBe('/kb/quinine');
    expect(link('https://dialysafe.example')).toBe('https://dialysafe.example/kb/quinine');
  });

  it('gives in the summary format the verdicts and codes of the same report, without the words', () => {
    const record = { id: 42, patient, items };
    const { json: summary } = run(ndjson(record), { format: 'summary', baseUrl: '' });
    const { json: report } = run(ndjson(record));
    const reportItems = report.items as { input: string; verdict: string; coverage: string; findings: { code: string }[] }[];
    expect(summary).toMatchObject({ id: 42, line: 1, kb: report.kb, summary: report.summary, metrics: report.metrics });
    expect(summary.items).toEqual(
      reportItems.map((i) => expect.objectContaining({ input: i.input, verdict: i.verdict, coverage: i.coverage, findings: i.findings.map((f) => f.code) })),
    );
    expect(summary.interactions).toEqual((report.interactions as { code: string }[]).map((x) => expect.objectContaining({ code: x.code })));
    expect(JSON.stringify(summary)).not.toContain('"explanation"');
    expect(summary.context).toEqual((report.context as { code: string; severity: string; kind: string }[]).map(({ code, severity, kind }) => ({ code, severity, kind })));
  });

  it('checks a list that names no language in the one given by --lang', () => {
    const title = (options: CheckOptions, record: object) =>
      ((run(ndjson(record), options).json.items as { findings: { title: string }[] }[])[0]?.findings[0]?.title);
    const record = { items: ['Kinine 250 mg 1dd a.n.'] };
    const nl = title({ ...full, lang: 'nl' }, record);
    expect(nl).toBe(title(full, { ...record, lang: 'nl' }));
    expect(nl).not.toBe(title(full, record));
    expect(title({ ...full, lang: 'nl' }, { ...record, lang: 'en' })).toBe(title(full, record));
  });

  it('answers a line that is not JSON without quoting it', () => {
    const { json, level } = run(ndjson('{"items":["Kinine 250 mg 1dd a.n."', 3));
    expect(level).toBe('error');
    expect(json).toEqual({ line: 3, error: 'the list was not checked: the line is not valid JSON', issues: [{ path: '', message: 'the line is not valid JSON' }] });
  });

  it('says how to read CSV when a line does not begin as a JSON object, still without quoting it', () => {
    const { json } = run(ndjson('id,lang,items', 1));
    expect(json).toEqual({
      line: 1,
      error: 'the list was not checked: the line is not valid JSON: NDJSON input has one JSON object per line; for CSV, give --input csv',
      issues: [{ path: '', message: 'the line is not valid JSON: NDJSON input has one JSON object per line; for CSV, give --input csv' }],
    });
  });

  it('refuses what the API refuses, with its messages, and keeps the id so the error can be matched', () => {
    const { json } = run(ndjson({ id: 'p9', patient: { targetWeight: 60 }, items: ['Kinine', ''] }, 5));
    expect(json).toEqual({
      id: 'p9',
      line: 5,
      error: 'the list was not checked: the record is not valid',
      issues: expect.arrayContaining([
        { path: 'patient', message: 'unknown field(s): targetWeight' },
        { path: 'items.1', message: 'a line must not be empty' },
      ]),
    });
    expect(run(ndjson({ items: Array(101).fill('Kinine') })).json.issues).toEqual([{ path: 'items', message: 'at most 100 lines can be checked at once' }]);
    expect(run(ndjson(['Kinine'])).json.error).toBe('the list was not checked: each line must be a JSON object with "items"');
    expect(run(ndjson({ id: '', items: ['Kinine'] })).json.issues).toEqual([{ path: 'id', message: 'id must be a string of 1 to 200 characters, or a number' }]);
  });

  it('allows the id in the batch only: the API still refuses it', () => {
    expect(checkRequest.safeParse({ id: 'p1', items: ['Kinine'] }).success).toBe(false);
    expect(run(ndjson({ id: 'p1', items: ['Kinine'] })).level).not.toBe('error');
  });

  it('points the issues of a CSV list at the rows they are on', () => {
    const entry: ListEntry = { kind: 'csv', line: 2, rows: [2, 3, 4], record: { id: 'p1', lang: 'fr', patient: { targetWeightKg: 'about 60' }, items: ['Kinine', '', 'Tonic'] } };
    expect(run(entry).json).toEqual({
      id: 'p1',
      line: 2,
      error: 'the list was not checked: the record is not valid',
      issues: expect.arrayContaining([
        { path: 'items.1', line: 3, message: 'a line must not be empty' },
        { path: 'lang', line: 2, message: 'lang must be one of en, nl' },
        { path: 'patient.targetWeightKg', line: 2, message: expect.stringContaining('targetWeightKg must be a number of kilograms') },
      ]),
    });
  });
});
