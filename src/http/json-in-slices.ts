/**
 * A large answer serialised a piece at a time: JSON.stringify of a hundred-line report (600 KB)
 * runs 6–28 ms without a break, long enough to hold up every other request. The fields of the
 * answer are serialised one by one, and an array field an element at a time, with a turn of the
 * event loop once a slice is spent. The text is the one JSON.stringify gives.
 */
import type { Response } from 'express';
import type { Slices } from '../slices.js';

export async function stringifyInSlices(answer: object, slices: Slices): Promise<string> {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(answer)) {
    if (value === undefined) continue;
    const name = JSON.stringify(key);
    if (Array.isArray(value)) {
      const elements = await slices.map(value, (element: unknown) => JSON.stringify(element) ?? 'null');
      fields.push(`${name}:[${elements.join(',')}]`);
    } else {
      await slices.pause();
      fields.push(`${name}:${JSON.stringify(value)}`);
    }
  }
  return `{${fields.join(',')}}`;
}

/** As res.json(answer), with the answer serialised in slices. */
export async function sendJsonInSlices(res: Response, answer: object, slices: Slices): Promise<void> {
  const body = await stringifyInSlices(answer, slices);
  res.type('json').send(body);
}
