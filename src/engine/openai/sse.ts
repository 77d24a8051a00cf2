/**
 * A small incremental parser for Server-Sent Events, just enough for OpenAI-style streams.
 *
 * Network chunks split lines (and even `\r\n` pairs) at arbitrary places, so the parser keeps
 * the unfinished tail of each chunk and only acts on complete lines. It follows the SSE rules
 * that matter here: `data:` lines (one optional space after the colon), several `data:` lines
 * in one event joined by "\n", comment lines starting with ":" ignored (servers send them as
 * keep-alives), other fields ignored, and a blank line ending the event.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  /** True when the event being built has had at least one complete `data:` line. */
  private hasData = false;

  /** Feeds decoded text; returns the data of every event completed by it, in order. */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];
    const lineBreak = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = lineBreak.exec(this.buffer); m !== null; m = lineBreak.exec(this.buffer)) {
      // A lone "\r" at the very end may be the first half of "\r\n" split across chunks;
      // wait for the next chunk rather than counting one line break as two.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, m.index), events);
      start = m.index + m[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /**
   * Ends the input. An event whose lines all arrived whole is still delivered, because some
   * servers omit the final blank line after `data: [DONE]`. An unterminated last line is
   * dropped: it is most likely half of a line cut off by a broken connection.
   */
  end(): string[] {
    const events: string[] = [];
    if (this.buffer.endsWith("\r")) this.line(this.buffer.slice(0, -1), events);
    this.buffer = "";
    if (this.hasData) events.push(this.data.join("\n"));
    this.data = [];
    this.hasData = false;
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === "") {
      if (this.hasData) events.push(this.data.join("\n"));
      this.data = [];
      this.hasData = false;
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== "data") return;
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    this.data.push(value);
    this.hasData = true;
  }
}
