/**
 * A large answer serialised a piece at a time: JSON.stringify of a hundred-line report (600 KB)
 * runs 6–28 ms without a break, long enough to hold up every other request. The fields of the
 * answer are serialised one by one, and an array field in runs of elements, with a turn of the
 * event loop once a slice is spent. For an answer of plain data (our presenters' objects, arrays,
 * strings, numbers, booleans, null) the text is the one JSON.stringify gives.
 */
import type { Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Slices } from '../slices.js';

/**
 * About this long per run of elements. A run's length is set from the last run's time, so a short
 * answer's array is serialised whole after its first element (serialising element by element cost a
 * 20-line answer half a millisecond more) and a long one in runs of about this length.
 */
const RUN_MS = 1;

async function arrayInSlices(array: readonly unknown[], slices: Slices, runMs: number): Promise<string> {
  const runs: string[] = [];
  let length = 1;
  for (let from = 0; from < array.length; ) {
    await slices.pause();
    const to = Math.min(array.length, from + length);
    const started = performance.now();
    // The elements without their brackets: "[a,b]" → "a,b"; undefined becomes null as in JSON.stringify.
    runs.push(JSON.stringify(from === 0 && to === array.length ? array : array.slice(from, to)).slice(1, -1));
    const ms = performance.now() - started;
    length = Math.max(1, Math.floor(ms > 0 ? (length * runMs) / ms : length * 2));
    from = to;
  }
  return `[${runs.join(',')}]`;
}

/** `runMs`: see RUN_MS; 0 serialises an array element by element. */
export async function stringifyInSlices(answer: Readonly<Record<string, unknown>>, slices: Slices, runMs = RUN_MS): Promise<string> {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(answer)) {
    await slices.pause();
    const text = Array.isArray(value) ? await arrayInSlices(value, slices, runMs) : JSON.stringify(value);
    // As in JSON.stringify, a field that has no JSON (undefined) is left out.
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(',')}}`;
}

/** As res.json(answer), with the answer serialised in slices. */
export async function sendJsonInSlices(res: Response, answer: Readonly<Record<string, unknown>>, slices: Slices): Promise<void> {
  const body = await stringifyInSlices(answer, slices);
  res.type('json').send(body);
}
