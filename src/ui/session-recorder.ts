/**
 * The session file the TUI writes as the student types: `session.jsonl` in the workspace,
 * one JSON object a line, `{"line": "...", "at": virtualMs}`, one per typed line (continuation
 * lines of a heredoc or a loop included, as typed). Each record is one append write followed
 * by fsync, so a crash or a closed terminal loses nothing already typed; the grader reads it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file name of a recorded session inside the workspace. */
export const SESSION_FILE = 'session.jsonl';

/** One recorded line. */
export interface SessionRecord {
  line: string;
  /** Virtual milliseconds since the epoch when the line was entered. */
  at: number;
}

/** Appends typed lines to `<workdir>/session.jsonl`, durably. */
export class SessionRecorder {
  readonly file: string;
  private fd: number | undefined;

  constructor(workdir: string) {
    this.file = path.join(workdir, SESSION_FILE);
    this.fd = fs.openSync(this.file, 'a');
  }

  /** Records one line: a single append of the whole record, then fsync. */
  record(line: string, at: number): void {
    if (this.fd === undefined) return;
    const record: SessionRecord = { line, at };
    fs.writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fs.fsyncSync(this.fd);
  }

  /** Closes the file; later records are dropped. */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Reads a session file back (blank lines skipped). */
export function readSessionFile(file: string): SessionRecord[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SessionRecord);
}
