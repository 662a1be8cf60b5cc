/** The command line of `dialysafe check`, read with node:util parseArgs and validated with zod. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LINE_ORDER, type Verdict } from '../engine/assessment.js';
import { LANGS } from '../kb/schema.js';
import { projectRoot } from '../paths.js';
import { FORMATS } from './present.js';
import { INPUT_FORMATS, type BatchOptions } from './run.js';

export const FAIL_ON = ['avoid', 'caution', 'unknown'] as const satisfies readonly Verdict[];

export const USAGE = `Usage: dialysafe check <file|-> [options]

Checks many lists, one per NDJSON line or per group of CSV rows, and writes one NDJSON report per
list to standard output, in input order. A record that cannot be read is answered in its place
with {"line", "error", "issues"} and the batch goes on.

Options:
  --input ndjson|csv        the input format (default: csv for a file ending in .csv, else ndjson)
  --format full|summary     full: the JSON API's report; summary: verdicts and codes (default: full)
  --fail-on avoid|caution|unknown
                            exit with 1 if any list's summary verdict is this one or worse (avoid,
                            then unknown, then caution); a list with a line not checked, or a record
                            that could not be checked, reaches every level
  --base-url URL            make the links into the knowledge base absolute (default: /kb/… links)
  --lang en|nl              the language of a list that does not name one (default: en)
  --kb FILE                 the compiled knowledge base (default: $KB_PATH, else data/kb.sqlite),
                            checked against $KB_SHA256 if set, else the SHA-256 recorded beside it
  --workers N               worker threads (default: the number of CPUs)
  -h, --help                this text

Exit status: 0 all lists written; 1 a list at or above --fail-on; 2 a usage error, the input or
the knowledge base cannot be read, or the output was closed before the end.
`;

export class UsageError extends Error {}

export interface CheckCommand {
  command: 'check';
  /** A file name, or '-' for standard input. */
  file: string;
  options: BatchOptions;
  failOn?: Verdict;
}

export type Command = CheckCommand | { command: 'help' };

const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: `--${name} must be one of ${values.join(', ')}` });

const optionsSchema = z.object({
  input: oneOf('input', INPUT_FORMATS).optional(),
  format: oneOf('format', FORMATS).default('full'),
  'fail-on': oneOf('fail-on', FAIL_ON).optional(),
  'base-url': z
    .url({ protocol: /^https?$/, error: '--base-url must be an http or https URL, such as https://dialysafe.example' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  lang: oneOf('lang', LANGS).optional(),
  kb: z.string().min(1, { error: '--kb needs a file name' }).optional(),
  /** The environment's pin, as the server reads it. */
  KB_SHA256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'KB_SHA256 must be the 64 hexadecimal digits of a SHA-256' })
    .transform((v) => v.toLowerCase())
    .optional(),
  workers: z.coerce
    .number({ error: '--workers must be a whole number from 1 to 64' })
    .int({ error: '--workers must be a whole number from 1 to 64' })
    .min(1, { error: '--workers must be a whole number from 1 to 64' })
    .max(64, { error: '--workers must be a whole number from 1 to 64' })
    .optional(),
});

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'base-url': { type: 'string' },
        lang: { type: 'string' },
        kb: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs says what is wrong ("Unknown option '--fial-on'"); its advice on "--" does not apply here.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : 'the command line cannot be read');
  }
}

export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Command {
  const parsed = readArgs(argv);
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  if (positionals.length === 0) throw new UsageError('give a command: dialysafe check <file|->');
  const [command, file, ...rest] = positionals;
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; the command is check`);
  if (file === undefined) throw new UsageError('check needs a file to read, or - for standard input');
  if (rest.length > 0) throw new UsageError(`check reads one input; also given: ${rest.join(' ')}`);

  const { help: _help, ...given } = values;
  const options = optionsSchema.safeParse({ ...given, ...(env.KB_SHA256 ? { KB_SHA256: env.KB_SHA256 } : {}) });
  if (!options.success) throw new UsageError(options.error.issues.map((i) => i.message).join('; '));
  const o = options.data;
  const failOn = o['fail-on'];
  return {
    command: 'check',
    file,
    ...(failOn ? { failOn } : {}),
    options: {
      inputFormat: o.input ?? (file !== '-' && file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson'),
      format: o.format,
      baseUrl: o['base-url'] ?? '',
      ...(o.lang ? { lang: o.lang } : {}),
      kbPath: o.kb ?? (env.KB_PATH || join(projectRoot, 'data', 'kb.sqlite')),
      ...(o.KB_SHA256 ? { kbSha256: o.KB_SHA256 } : {}),
      workers: o.workers ?? availableParallelism(),
    },
  };
}

/**
 * True when the list's level is the threshold or worse. A list with a line not checked (or a record
 * not checked at all) reaches every threshold: what was not checked may be anything, so it never
 * passes a gate as if it were clear.
 */
export function reaches(level: Verdict | 'error', threshold: Verdict): boolean {
  if (level === 'error' || level === 'unknown') return true;
  return LINE_ORDER.indexOf(level) <= LINE_ORDER.indexOf(threshold);
}
