/**
 * The batch: input lines → entries → worker pool → output lines, in input order. At most
 * `window` lists are between reading and writing at any time, and nothing more is read while the
 * output is not taking what is written, so memory does not grow with the input.
 */
import type { Writable } from 'node:stream';
import { BODY_LIMIT_BYTES } from '../list-limits.js';
import type { Verdict } from '../engine/assessment.js';
import { csvEntries } from './csv-input.js';
import { BatchError, errorOutcome, type CheckOptions, type Entry, type Outcome } from './entries.js';
import { readLines } from './lines.js';
import { ndjsonEntries } from './ndjson-input.js';
import { WorkerPool } from './pool.js';
import type { Progress } from './progress.js';

export const INPUT_FORMATS = ['ndjson', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface BatchOptions extends CheckOptions {
  inputFormat: InputFormat;
  kbPath: string;
  /** The SHA-256 the knowledge base must have (KB_SHA256); without it, the one recorded beside it. */
  kbSha256?: string;
  workers: number;
}

/** NDJSON or CSV text in chunks of any size: a file or stdin stream, or a generator (the bench). */
export type BatchInput = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export interface BatchIo {
  input: BatchInput;
  output: Writable;
  progress?: Progress;
  /** Where an internal error's stack frames go (never a list). */
  onFault?: (fault: string) => void;
}

export interface BatchResult {
  /** Output records by level; `error` counts the records that stand for a list not checked. */
  counts: Record<Verdict | 'error', number>;
  /** False when the output was closed before the end (a pipe to `head`). */
  complete: boolean;
}

/** Lists in flight or waiting for an earlier one to be written, per worker. */
const WINDOW_PER_WORKER = 64;

/** An input line may be as large as the largest request the API accepts. */
export const MAX_LINE_BYTES = BODY_LIMIT_BYTES;

function entriesOf(format: InputFormat, input: BatchInput): AsyncGenerator<Entry> {
  const lines = readLines(input, MAX_LINE_BYTES);
  return format === 'csv' ? csvEntries(lines, MAX_LINE_BYTES) : ndjsonEntries(lines, MAX_LINE_BYTES);
}

export async function runBatch(options: BatchOptions, io: BatchIo): Promise<BatchResult> {
  const counts: BatchResult['counts'] = { avoid: 0, caution: 0, unknown: 0, ok: 0, error: 0 };
  const results = new Map<number, Outcome>();
  let written = 0;
  let blocked = false;
  let closed = false;
  let failure: Error | undefined;

  let wake: (() => void) | undefined;
  const changed = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const until = async (ready: () => boolean) => {
    while (!ready() && !failure && !closed) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };

  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else failure = new BatchError(`the output cannot be written (${error.code ?? error.name})`, { cause: error });
    changed();
  };
  io.output.on('error', onOutputError);

  const put = (seq: number, outcome: Outcome) => {
    results.set(seq, outcome);
    for (let next = results.get(written); next && !closed; next = results.get(written)) {
      results.delete(written);
      written++;
      counts[next.level]++;
      if (next.fault) io.onFault?.(next.fault);
      if (!io.output.write(`${next.text}\n`) && !blocked) {
        blocked = true;
        io.output.once('drain', () => {
          blocked = false;
          changed();
        });
      }
      io.progress?.tick();
    }
    changed();
  };

  const pool = await WorkerPool.start(options.workers, { kbPath: options.kbPath, kbSha256: options.kbSha256, options: { format: options.format, baseUrl: options.baseUrl, lang: options.lang } }, put, (error) => {
    failure ??= error;
    changed();
  });
  const window = pool.size * WINDOW_PER_WORKER;
  let read = 0;
  const entries = entriesOf(options.inputFormat, io.input);
  try {
    for await (const entry of entries) {
      const seq = read++;
      if (entry.kind === 'error') put(seq, errorOutcome(entry.record));
      else pool.submit(seq, entry);
      await until(() => !blocked && read - written < window && pool.hasRoom());
      if (closed) break;
    }
    await until(() => written === read);
  } finally {
    await pool.close();
    io.output.off('error', onOutputError);
  }
  io.progress?.end();
  return { counts, complete: !closed };
}
