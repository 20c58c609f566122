/**
 * A one-line progress bar for batch runs on a terminal: files done, throughput,
 * flags so far. It is drawn only when stderr is a TTY; in a pipe or a log file
 * nothing of it appears. Other messages go through log() so the bar never
 * garbles them.
 */
export class Progress {
  private done = 0;
  private bytes = 0;
  private flags = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Whether a bar should be shown at all. */
  static wanted(stream: NodeJS.WriteStream = process.stderr): boolean {
    return !!stream.isTTY && process.env.TERM !== 'dumb';
  }

  advance(bytes: number, flags: number): void {
    this.done++;
    this.bytes += bytes;
    this.flags += flags;
    const now = Date.now();
    // Redrawing on every small file would cost more than the files.
    if (now - this.lastDraw >= 80 || this.done === this.total) {
      this.lastDraw = now;
      this.draw();
    }
  }

  /** Writes a message line above the bar. */
  log(line: string): void {
    this.clear();
    this.out.write(line.endsWith('\n') ? line : line + '\n');
    if (this.done > 0 && this.done < this.total) this.draw();
  }

  finish(): void {
    this.clear();
  }

  private draw(): void {
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 50));
    const filled = this.total ? Math.round((width * this.done) / this.total) : width;
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = this.bytes / 1e6 / seconds;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const text = `${bar} ${this.done}/${this.total} files  ${rate.toFixed(1)} MB/s  ${this.flags} flag${this.flags === 1 ? '' : 's'}`;
    this.out.write(`\r${text}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}
