/**
 * A large answer is serialised in slices; clients must get the same text JSON.stringify gives, for
 * any answer: the same fields in the same order, fields without JSON (undefined, functions) left
 * out, such array elements as null, strings escaped alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from '../../../src/http/json-in-slices.js';
import { Slices } from '../../../src/slices.js';

// Plain data, and what JSON leaves out or turns into null: undefined and functions.
const noJson = fc.constantFrom(undefined, () => 1);
const value = fc.oneof(fc.jsonValue(), noJson, fc.array(fc.oneof(fc.jsonValue(), noJson)), fc.date({ noInvalidDate: true }));
const answer = fc.dictionary(fc.string(), value);

describe('an answer serialised in slices', () => {
  it('is the text JSON.stringify gives, whatever the runs an array is cut into', async () => {
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom(0, 0.001, 1), async (a, runMs) => {
        expect(await stringifyInSlices(a, new Slices(), runMs)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('gives the event loop a chance between the elements of an array', async () => {
    // Slices that count the chances they are given.
    class Counted extends Slices {
      pauses = 0;
      override async pause(): Promise<void> {
        this.pauses++;
        await super.pause();
      }
    }
    const items = Array.from({ length: 50 }, (_, i) => ({ input: `line ${i}`, findings: [{ code: 'x', n: i }] }));
    const slices = new Counted();
    const text = await stringifyInSlices({ items }, slices, 0);
    expect(text).toBe(JSON.stringify({ items }));
    expect(slices.pauses).toBeGreaterThanOrEqual(items.length);
  });
});
