/**
 * A large answer is serialised in slices; clients must get the same text JSON.stringify gives, for
 * any answer: the same fields in the same order, undefined fields left out, undefined array
 * elements as null, strings escaped alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from '../../../src/http/json-in-slices.js';
import { Slices } from '../../../src/slices.js';

const value = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))), fc.date({ noInvalidDate: true }));
const answer = fc.dictionary(fc.string(), value);

describe('an answer serialised in slices', () => {
  it('is the text JSON.stringify gives, whatever the runs an array is cut into', async () => {
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom(0, 0.001, 1), async (a, runMs) => {
        expect(await stringifyInSlices(a, new Slices(), runMs)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('lets other work run between the elements of an array', async () => {
    // Slices that are always spent: every pause is a turn of the event loop.
    class Spent extends Slices {
      override async pause(): Promise<void> {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const items = Array.from({ length: 50 }, (_, i) => ({ input: `line ${i}`, findings: [{ code: 'x', n: i }] }));
    let ranBetween = false;
    const done = stringifyInSlices({ items }, new Spent(), 0).then((text) => ({ text, ranBetween }));
    setImmediate(() => (ranBetween = true));
    const { text, ranBetween: ran } = await done;
    expect(ran).toBe(true);
    expect(text).toBe(JSON.stringify({ items }));
  });
});
