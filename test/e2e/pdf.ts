/** Reading the PDF a browser prints with poppler-utils (pdfinfo, pdftotext, pdftoppm), as a reader would see it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: string[], input?: Buffer): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run (apt-get install poppler-utils): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

export function pdfPageCount(pdf: Buffer): number {
  const m = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', ['-'], pdf));
  if (!m?.[1]) throw new Error('pdfinfo gave no page count');
  return Number(m[1]);
}

/** The text of the whole PDF with every run of white space made one space, so lines wrapped on paper still match. */
export function pdfText(pdf: Buffer): string {
  return run('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf).replace(/\s+/g, ' ');
}

/** Renders the first page to a PNG at `dpi`, as a picture of the printed sheet. */
export function firstPageToPng(pdf: Buffer, path: string, dpi = 60): void {
  const dir = mkdtempSync(join(tmpdir(), 'dialysafe-sheet-'));
  try {
    const input = join(dir, 'sheet.pdf');
    writeFileSync(input, pdf);
    run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', input, join(dir, 'page')]);
    copyFileSync(join(dir, 'page.png'), path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
