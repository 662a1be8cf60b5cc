/** "12400 lists checked, 830/s" on one line of a terminal, redrawn a few times a second: counts only, never a list. */
import type { WriteStream } from 'node:tty';

const EVERY_MS = 250;

export class Progress {
  private readonly started = performance.now();
  private shown = 0;
  private done = 0;

  constructor(private readonly tty: Pick<WriteStream, 'write'>) {}

  tick(): void {
    this.done++;
    const now = performance.now();
    if (now - this.shown >= EVERY_MS) {
      this.shown = now;
      this.draw(now);
    }
  }

  end(): void {
    this.draw(performance.now());
    this.tty.write('\n');
  }

  private draw(now: number): void {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    this.tty.write(`\r\x1b[K${this.done} list${this.done === 1 ? '' : 's'} checked, ${rate}/s`);
  }
}
