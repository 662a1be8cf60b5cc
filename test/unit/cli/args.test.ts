import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, reaches, UsageError } from '../../../src/cli/args.js';
import { projectRoot } from '../../../src/paths.js';

const check = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const command = parseCommand(['check', ...args], env);
  if (command.command !== 'check') throw new Error('expected check');
  return command;
};

describe('dialysafe check: the command line', () => {
  it('reads NDJSON with full reports and relative links by default, from the compiled knowledge base', () => {
    const { file, options, failOn } = check(['lists.ndjson'], {});
    expect(file).toBe('lists.ndjson');
    expect(failOn).toBeUndefined();
    expect(options).toMatchObject({ inputFormat: 'ndjson', format: 'full', baseUrl: '', kbPath: join(projectRoot, 'data', 'kb.sqlite') });
    expect(options.workers).toBeGreaterThanOrEqual(1);
    expect(check(['-'], { KB_PATH: '/srv/kb.sqlite' }).options.kbPath).toBe('/srv/kb.sqlite');
    expect(check(['-', '--kb', 'other.sqlite'], { KB_PATH: '/srv/kb.sqlite' }).options.kbPath).toBe('other.sqlite');
  });

  it('pins the knowledge base to KB_SHA256 when the environment gives it, as the server does', () => {
    const digest = 'AB'.repeat(32);
    expect(check(['-'], { KB_SHA256: digest }).options.kbSha256).toBe(digest.toLowerCase());
    expect(check(['-'], {}).options.kbSha256).toBeUndefined();
    expect(() => check(['-'], { KB_SHA256: 'abc' })).toThrow(new UsageError('KB_SHA256 must be the 64 hexadecimal digits of a SHA-256'));
  });

  it('reads a .csv file as CSV unless told otherwise', () => {
    expect(check(['Lists.CSV']).options.inputFormat).toBe('csv');
    expect(check(['-', '--input', 'csv']).options.inputFormat).toBe('csv');
    expect(check(['lists.csv', '--input', 'ndjson']).options.inputFormat).toBe('ndjson');
  });

  it('takes the options it documents', () => {
    const { options, failOn } = check(['-', '--format', 'summary', '--fail-on', 'caution', '--base-url', 'https://dialysafe.example/', '--lang', 'nl', '--workers', '3']);
    expect(failOn).toBe('caution');
    expect(options).toMatchObject({ format: 'summary', baseUrl: 'https://dialysafe.example', lang: 'nl', workers: 3 });
  });

  it.each([
    [['check', '-', '--fail-on', 'ok'], '--fail-on must be one of avoid, caution, unknown'],
    [['check', '-', '--format', 'html'], '--format must be one of full, summary'],
    [['check', '-', '--base-url', 'javascript:alert(1)'], '--base-url must be an http or https URL, such as https://dialysafe.example'],
    [['check', '-', '--workers', '0'], '--workers must be a whole number from 1 to 64'],
    [['check', '-', '--workers', 'many'], '--workers must be a whole number from 1 to 64'],
    [['check', '-', '--lang', 'de'], '--lang must be one of en, nl'],
    [['check', '-', '--fial-on', 'avoid'], "Unknown option '--fial-on'"],
    [['check'], 'check needs a file to read, or - for standard input'],
    [['check', 'a.ndjson', 'b.ndjson'], 'check reads one input; also given: b.ndjson'],
    [['review', 'a.ndjson'], 'unknown command "review"; the command is check'],
    [[], 'give a command: dialysafe check <file|->'],
  ])('refuses %j as a usage error', (args, message) => {
    expect(() => parseCommand(args, {})).toThrow(new UsageError(message));
  });

  it('answers --help and help with the usage', () => {
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['check', '-', '-h'])).toEqual({ command: 'help' });
    expect(parseCommand(['help'])).toEqual({ command: 'help' });
  });
});

describe('--fail-on levels', () => {
  it('fails at the level given or worse; a list not checked fails every level', () => {
    const levels = ['avoid', 'caution', 'unknown', 'error', 'ok'] as const;
    // Not checked may hide anything: it fails every gate, and caution never passes a list not checked.
    expect(levels.filter((l) => reaches(l, 'avoid'))).toEqual(['avoid', 'unknown', 'error']);
    expect(levels.filter((l) => reaches(l, 'caution'))).toEqual(['avoid', 'caution', 'unknown', 'error']);
    expect(levels.filter((l) => reaches(l, 'unknown'))).toEqual(['avoid', 'unknown', 'error']);
  });
});
