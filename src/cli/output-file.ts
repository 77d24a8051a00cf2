import { closeSync, existsSync, openSync, readSync, statSync, truncateSync } from "node:fs";

/**
 * For --resume of a streamed output: drops a torn last line (cut by a kill) and returns how many
 * complete lines remain, without reading the file into memory.
 */
export function trimToCompleteLines(path: string): number {
  if (!existsSync(path)) return 0;
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(1 << 16);
  let lines = 0;
  let lastNewline = -1;
  try {
    for (let pos = 0; pos < size;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      for (let k = 0; k < n; k++) {
        if (buf[k] === 0x0a) {
          lines++;
          lastNewline = pos + k;
        }
      }
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  truncateSync(path, lastNewline + 1);
  return lines;
}
