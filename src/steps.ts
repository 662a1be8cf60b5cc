/**
 * Work written as a generator that yields where it may stop for a moment: run through at once with
 * runSteps, or a slice at a time by the server (slices.ts), so that one long list does not hold up
 * other requests. The stages stay pure: a yield knows nothing of the event loop.
 */
export type Steps<T> = Generator<undefined, T, undefined>;

export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
