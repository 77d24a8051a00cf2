/** Progress on stderr: a live line on a TTY, otherwise a plain line every few seconds. */
export class Progress {
  private readonly started = Date.now();
  private lastPlain = 0;
  private completionTokens = 0;
  done = 0;
  failed = 0;
  inFlight = 0;

  constructor(
    private readonly total: number | null,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly plainEveryMs = 5000,
  ) {}

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  addTokens(n: number): void {
    this.completionTokens += n;
  }

  update(): void {
    const now = Date.now();
    if (!this.stream.isTTY && now - this.lastPlain < this.plainEveryMs) return;
    this.lastPlain = now;
    const line = this.line(now);
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${line}`);
    else this.stream.write(line + "\n");
  }

  finish(): void {
    const line = this.line(Date.now());
    this.stream.write(this.stream.isTTY ? `\r\x1b[2K${line}\n` : line + "\n");
  }

  private line(now: number): string {
    const seconds = (now - this.started) / 1000;
    const tps = seconds > 0 ? this.completionTokens / seconds : 0;
    const of = this.total === null ? "" : `/${this.total}`;
    let eta = "";
    if (this.total !== null && this.done > 0 && this.done < this.total) {
      eta = ` · ETA ${formatSeconds(((this.total - this.done) * seconds) / this.done)}`;
    }
    const failed = this.failed > 0 ? ` · ${this.failed} failed` : "";
    return `ipt: ${this.done}${of} documents${failed} · ${this.inFlight} in flight · ${tps.toFixed(1)} tokens/s${eta}`;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${Math.round((s % 3600) / 60)}m`;
}
