/**
 * Worker threads that check lists, each with its own copy of the knowledge base. A worker is
 * sent a few lists at a time, the least busy first, so one slow list does not hold up a queue.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BatchError, type CheckOptions, type ListEntry, type Outcome } from './entries.js';

export interface WorkerData {
  kbPath: string;
  kbSha256: string | undefined;
  options: CheckOptions;
}
export interface ToWorker {
  seq: number;
  entry: ListEntry;
}
export type FromWorker = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'done'; seq: number; outcome: Outcome };

/** Lists sent to one worker and not yet answered: enough to keep it busy between messages. */
const PER_WORKER = 4;

/**
 * A worker on the built worker.js; from source (tsx), on worker.ts through tsx, which does not
 * reach into worker threads by itself.
 */
function newWorker(data: WorkerData): Worker {
  if (extname(fileURLToPath(import.meta.url)) === '.js') return new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const file = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${file}); });`, { eval: true, workerData: data });
}

interface Slot {
  worker: Worker;
  busy: number;
}

export class WorkerPool {
  private constructor(
    private readonly slots: Slot[],
    private readonly onDone: (seq: number, outcome: Outcome) => void,
    private readonly onFailure: (error: BatchError) => void,
  ) {
    for (const slot of slots) {
      slot.worker.on('message', (m: FromWorker) => {
        if (m.type !== 'done') return;
        slot.busy--;
        this.onDone(m.seq, m.outcome);
      });
      slot.worker.on('error', (error) => this.onFailure(new BatchError(`a worker stopped: ${error.name}`, { cause: error })));
      slot.worker.on('exit', (code) => {
        if (!this.closing) this.onFailure(new BatchError(`a worker exited unexpectedly (code ${code})`));
      });
    }
  }

  private closing = false;

  /** Starts `size` workers and waits until each has loaded the knowledge base. */
  static async start(size: number, data: WorkerData, onDone: (seq: number, outcome: Outcome) => void, onFailure: (error: BatchError) => void): Promise<WorkerPool> {
    const workers = Array.from({ length: size }, () => newWorker(data));
    const ready = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const fail = (error: Error) => reject(error);
          const exited = (code: number) => reject(new BatchError(`a worker exited while starting (code ${code})`));
          worker.once('error', fail);
          worker.once('exit', exited);
          worker.once('message', (m: FromWorker) => {
            worker.off('error', fail);
            worker.off('exit', exited);
            if (m.type === 'ready') resolve();
            else reject(new BatchError(m.type === 'failed' ? m.message : 'a worker did not start'));
          });
        }),
    );
    try {
      await Promise.all(ready);
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error instanceof BatchError ? error : new BatchError('a worker could not start', { cause: error });
    }
    return new WorkerPool(workers.map((worker) => ({ worker, busy: 0 })), onDone, onFailure);
  }

  hasRoom(): boolean {
    return this.slots.some((s) => s.busy < PER_WORKER);
  }

  submit(seq: number, entry: ListEntry): void {
    let slot = this.slots[0];
    for (const s of this.slots) if (slot === undefined || s.busy < slot.busy) slot = s;
    if (!slot) throw new BatchError('the pool has no workers');
    slot.busy++;
    slot.worker.postMessage({ seq, entry } satisfies ToWorker);
  }

  get size(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
