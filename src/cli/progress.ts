/**
 * A one-line progress indicator on stderr, only on a TTY and only once a run has lasted long enough to need one.
 * `clear()` before writing anything else to the terminal keeps the line from mixing with output.
 */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly delayMs = 1000,
    private readonly intervalMs = 100,
  ) {}

  update(text: string): void {
    if (!this.stream.isTTY) return;
    const now = performance.now();
    if (now - this.started < this.delayMs || now - this.last < this.intervalMs) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[2K${text.slice(0, Math.max(10, (this.stream.columns || 80) - 1))}`);
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
