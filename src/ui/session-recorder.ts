/**
 * The session file the TUI writes as the student types: `session.jsonl` in the workspace,
 * one JSON object a line, `{"line": "...", "at": virtualMs}`, one per typed line (continuation
 * lines of a heredoc or a loop included, as typed), and `{"event": "hint"|"skip", "at": ...}`. Each record is one append write followed
 * by fsync, so a crash or a closed terminal loses nothing already typed; the grader reads it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file name of a recorded session inside the workspace. */
export const SESSION_FILE = 'session.jsonl';

/** One recorded entry: a typed line, or a hint or skip asked for (docs/grading.md, `session.jsonl`). */
export interface SessionRecord {
  line?: string;
  event?: 'hint' | 'skip';
  /** Virtual milliseconds since the epoch when the line was entered. */
  at: number;
}

/** Appends typed lines to `<workdir>/session.jsonl`, durably. */
export class SessionRecorder {
  readonly file: string;
  private fd: number | undefined;

  constructor(workdir: string) {
    this.file = path.join(workdir, SESSION_FILE);
    // A process killed in the middle of a write leaves a torn last line: cut it off before
    // appending, so the next record starts on a line of its own and the file stays valid JSONL.
    dropTornTail(this.file);
    this.fd = fs.openSync(this.file, 'a');
  }

  /** Records one line: a single append of the whole record, then fsync. */
  record(line: string, at: number): void {
    this.append({ line, at });
  }

  /** Records that the student asked for a hint or skipped the step. */
  recordEvent(event: 'hint' | 'skip', at: number): void {
    this.append({ event, at });
  }

  private append(record: SessionRecord): void {
    if (this.fd === undefined) return;
    // One write of the whole line (O_APPEND), repeated only if the kernel took part of it.
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
    for (let off = 0; off < bytes.length; ) off += fs.writeSync(this.fd, bytes, off);
    fs.fsyncSync(this.fd);
  }

  /** Closes the file; later records are dropped. */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Reads a session file back (blank lines skipped). A line counts once its newline is on disk:
 * text after the last newline is a torn write (the process died mid-record) and is ignored.
 */
export function readSessionFile(file: string): SessionRecord[] {
  const text = fs.readFileSync(file, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SessionRecord);
}

/** Truncates `file` after its last newline (nothing if it is missing or ends with one); returns the bytes dropped. */
export function dropTornTail(file: string): number {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return 0;
  }
  const keep = data.lastIndexOf(0x0a) + 1;
  if (keep === data.length) return 0;
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, keep);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return data.length - keep;
}
