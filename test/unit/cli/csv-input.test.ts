import { describe, expect, it } from 'vitest';
import { CsvHeaderError, csvEntries } from '../../../src/cli/csv-input.js';
import type { Entry } from '../../../src/cli/entries.js';
import { readLines } from '../../../src/cli/lines.js';

async function entries(csv: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of csvEntries(readLines([csv], 10_000), 10_000)) out.push(e);
  return out;
}

/** What a reader of the output sees: a list to check (id, first line, items) or an error (id, line, lines named). */
const brief = (e: Entry) =>
  e.kind === 'error'
    ? { error: e.record.id ?? null, line: e.record.line, at: e.record.issues.map((i) => ('line' in i ? i.line : null)) }
    : e.kind === 'csv'
      ? { list: e.record.id, line: e.line, items: e.record.items }
      : { ndjson: e.line };

describe('CSV input', () => {
  it('makes one list of consecutive rows with the same id, with the line each item came from', async () => {
    const csv = 'id,item\np1,Kinine 250 mg 1dd a.n.\np1,"Magnesiumcitraat 400 mg, 1x per dag"\np2,Paracetamol 500 mg 3dd\n';
    const out = await entries(csv);
    expect(out.map(brief)).toEqual([
      { list: 'p1', line: 2, items: ['Kinine 250 mg 1dd a.n.', 'Magnesiumcitraat 400 mg, 1x per dag'] },
      { list: 'p2', line: 4, items: ['Paracetamol 500 mg 3dd'] },
    ]);
    expect(out[0]).toMatchObject({ rows: [2, 3] });
  });

  it('finds the delimiter in the header, so a Dutch spreadsheet (;) keeps its decimal commas', async () => {
    const csv = 'ID;Item;Lang;TargetWeightKg;weightGainKg;diabetes;allergies\n' + 'p1;Kinine 0,5 tablet a.n.;nl;55,5;3.2;ja;kinine (trombocytopenie 2019) | penicilline\n';
    const [list] = await entries(csv);
    expect(list).toMatchObject({
      kind: 'csv',
      record: {
        id: 'p1',
        lang: 'nl',
        items: ['Kinine 0,5 tablet a.n.'],
        patient: { targetWeightKg: 55.5, weightGainKg: 3.2, diabetes: true, allergies: ['kinine (trombocytopenie 2019)', 'penicilline'] },
      },
    });
    const [tabbed] = await entries('id\titem\tsessionHours\np1\tVitamin E 400 IU\t4\n');
    expect(tabbed).toMatchObject({ record: { items: ['Vitamin E 400 IU'], patient: { sessionHours: 4 } } });
  });

  it('passes a cell that is not a value on as text, so the check says what is wrong with it', async () => {
    const [list] = await entries('id,item,targetWeightKg,diabetes\np1,Kinine,about 60,perhaps\n');
    expect(list).toMatchObject({ record: { patient: { targetWeightKg: 'about 60', diabetes: 'perhaps' } } });
  });

  it('takes the context from any row of the list, and fails a list whose rows disagree', async () => {
    const csv = 'id,item,targetWeightKg\np1,Kinine,\np1,Tonic,60\np2,Kinine,60\np2,Tonic,61\n';
    const [p1, p2] = await entries(csv);
    expect(p1).toMatchObject({ kind: 'csv', record: { patient: { targetWeightKg: 60 } } });
    expect(p2).toMatchObject({ kind: 'error', record: { id: 'p2', line: 4, issues: [{ path: 'patient.targetWeightKg', line: 5, message: expect.stringContaining('line 4') }] } });
  });

  it('answers a row that cannot be read in its place, fails the lists next to it, and reads on', async () => {
    const csv = [
      'id,item',
      'p1,Kinine',
      'p1,"Vitamine C 500 mg', // unclosed quote
      'p1,Tonic',
      'p2,Paracetamol',
      'p3,Magnesium 400 mg',
      'p3,Vitamin E 0,5 g', // a comma in an unquoted cell: three cells
      'p4,Warfarin 5 mg',
      'p5,Calcium',
    ].join('\n');
    const out = await entries(csv);
    expect(out.map(brief)).toEqual([
      { error: 'p1', line: 2, at: [3] },
      { error: null, line: 3, at: [3] },
      { list: 'p2', line: 5, items: ['Paracetamol'] },
      { error: 'p3', line: 6, at: [7] },
      { error: null, line: 7, at: [7] },
      { error: 'p4', line: 8, at: [7] },
      { list: 'p5', line: 9, items: ['Calcium'] },
    ]);
    const unreadable = out.filter((e) => e.kind === 'error' && e.record.id === undefined).map((e) => (e.kind === 'error' ? e.record.issues[0]?.message : ''));
    expect(unreadable).toEqual(['a quoted cell is not closed (a cell cannot span lines)', 'the row has 3 cells and the header 2: a cell holding "," must be in double quotes']);
  });

  it('keeps no more than one item beyond the limit of a list, so the check refuses it as too long', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `p1,Item ${i}`).join('\n');
    const [list] = await entries(`id,item\n${rows}\n`);
    expect(list?.kind === 'csv' && list.record.items).toHaveLength(101);
  });

  it('refuses a header it cannot use, naming the column', async () => {
    await expect(entries('id,item,targetWeight\np1,Kinine,60\n')).rejects.toThrow(new CsvHeaderError('line 1: unknown column(s) in the CSV header: targetWeight; the columns are id, item, lang, modality, targetWeightKg, weightGainKg, sessionHours, sessionsPerWeek, residualUrineMlPerDay, anticoagulation, diabetes, belowTargetWeight, crampsAtHome, allergies'));
    await expect(entries('id,medicine\n')).rejects.toThrow(/unknown column\(s\) in the CSV header: medicine/);
    await expect(entries('id,lang\n')).rejects.toThrow('line 1: the CSV header has no column item');
    await expect(entries('item\n')).rejects.toThrow(/at least the columns id and item/);
    await expect(entries('\n\nid,item,Item\n')).rejects.toThrow('line 3: column(s) given twice in the CSV header: item');
  });

  it('reads the byte order mark of a spreadsheet\'s UTF-8 export as nothing', async () => {
    expect((await entries('\uFEFFid;item\r\np1;Kinine\r\n')).map(brief)).toEqual([{ list: 'p1', line: 2, items: ['Kinine'] }]);
  });

  it('reads an empty input, or a header alone, as no lists', async () => {
    expect(await entries('')).toEqual([]);
    expect(await entries('id,item\n')).toEqual([]);
  });
});
