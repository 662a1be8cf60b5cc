/** A worker thread of the batch: loads the knowledge base once, then checks the lists it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { KbLoadError } from '../kb/errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { loadKb } from '../kb/load.js';
import { checkEntry } from './check-entry.js';
import type { CheckOptions } from './entries.js';
import type { FromWorker, ToWorker, WorkerData } from './pool.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of the batch CLI');
const send = (message: FromWorker) => port.postMessage(message);
const { kbPath, kbSha256, options } = workerData as WorkerData;

let kb: KnowledgeBase | undefined;
try {
  kb = loadKb(kbPath, { sha256: kbSha256 });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: error instanceof KbLoadError ? error.message : `The knowledge base ${kbPath} could not be loaded.` });
}

if (kb) {
  const loaded = kb;
  const opts: CheckOptions = options;
  port.on('message', ({ seq, entry }: ToWorker) => send({ type: 'done', seq, outcome: checkEntry(entry, loaded, opts) }));
}
