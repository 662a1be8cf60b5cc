#!/usr/bin/env node
/** `dialysafe check <file|->`: the batch review. Reports go to stdout; usage, progress and counts to stderr. */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseCommand, reaches, USAGE, UsageError, type CheckCommand } from './args.js';
import { CsvHeaderError } from './csv-input.js';
import { BatchError } from './entries.js';
import { Progress } from './progress.js';
import { runBatch } from './run.js';

const EXIT = { done: 0, flagged: 1, cannotRun: 2 } as const;

const say = (message: string) => process.stderr.write(`dialysafe: ${message}\n`);

const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : code ? ` (${code})` : '';
};

async function openInput(file: string): Promise<Readable> {
  if (file === '-') return process.stdin;
  try {
    const handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    }
    return handle.createReadStream();
  } catch (error) {
    throw new UsageError(`cannot read ${file}${reason(error)}`);
  }
}

/** The input's chunks; a read that fails half-way stops the batch with a sentence, not a stack. */
async function* chunksOf(input: Readable, file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of input) yield chunk as Buffer;
  } catch (error) {
    throw new BatchError(`cannot read ${file === '-' ? 'standard input' : file}${reason(error)}`);
  }
}

async function check({ file, options, failOn }: CheckCommand): Promise<number> {
  const input = await openInput(file);
  const result = await runBatch(options, {
    input: chunksOf(input, file),
    output: process.stdout,
    ...(process.stderr.isTTY ? { progress: new Progress(process.stderr) } : {}),
    onFault: (fault) => say(`internal error in ${fault}`),
  });
  if (!result.complete) {
    say('the output was closed before the end: the lists after it were not checked');
    return EXIT.cannotRun;
  }
  const { error } = result.counts;
  if (error > 0) say(`${error} list${error === 1 ? ' was' : 's were'} not checked: see the records with "error" in the output`);
  if (failOn && Object.entries(result.counts).some(([level, n]) => n > 0 && reaches(level as keyof typeof result.counts, failOn))) return EXIT.flagged;
  return EXIT.done;
}

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.command === 'help') {
      process.stdout.write(USAGE);
      return EXIT.done;
    }
    return await check(command);
  } catch (error) {
    if (error instanceof UsageError) {
      say(`${error.message}\nRun "dialysafe --help" for the options.`);
      return EXIT.cannotRun;
    }
    if (error instanceof BatchError || error instanceof CsvHeaderError) {
      say(error.message);
      return EXIT.cannotRun;
    }
    // Not 1, which says a list was flagged; and the stack without its message, which may quote a list.
    const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
    say(['internal error', ...frames].join('\n'));
    return EXIT.cannotRun;
  }
}

process.exitCode = await main(process.argv.slice(2));
