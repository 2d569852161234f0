/**
 * The prompt's line editing, as readline does it for a shell: insert at the cursor,
 * Backspace, left/right, Home/End (Ctrl-A/Ctrl-E), Ctrl-U and Ctrl-K (kill before/after the
 * cursor), Ctrl-W (kill the word before), history with up/down that keeps the line being
 * typed as a draft below the newest entry, and `replace` for Tab completion. Pure state, no
 * React: the terminal pane renders it.
 */

/** The line with its cursor split out, for rendering. */
export interface LineView {
  before: string;
  /** The character under the cursor, or a space at the end of the line. */
  at: string;
  after: string;
}

/** A line editor with history. Positions count UTF-16 code units of whole code points. */
export class LineEditor {
  text = '';
  cursor = 0;
  private readonly history: string[] = [];
  /** Index into history while browsing; history.length means the draft. */
  private browsing = 0;
  private draft = '';

  /** Inserts typed or pasted text at the cursor. */
  insert(text: string): void {
    this.text = this.text.slice(0, this.cursor) + text + this.text.slice(this.cursor);
    this.cursor += text.length;
  }

  /** Deletes the character before the cursor. */
  backspace(): void {
    if (this.cursor === 0) return;
    const from = this.cursor - charBefore(this.text, this.cursor).length;
    this.text = this.text.slice(0, from) + this.text.slice(this.cursor);
    this.cursor = from;
  }

  /** Moves the cursor one character left. */
  left(): void {
    this.cursor -= charBefore(this.text, this.cursor).length;
  }

  /** Moves the cursor one character right. */
  right(): void {
    this.cursor += charAt(this.text, this.cursor).length;
  }

  /** Moves to the start of the line. */
  home(): void {
    this.cursor = 0;
  }

  /** Moves to the end of the line. */
  end(): void {
    this.cursor = this.text.length;
  }

  /** Ctrl-U: deletes from the start of the line to the cursor. */
  killToStart(): void {
    this.text = this.text.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl-K: deletes from the cursor to the end of the line. */
  killToEnd(): void {
    this.text = this.text.slice(0, this.cursor);
  }

  /** Ctrl-W: deletes the word before the cursor (and the blanks after it), as readline does. */
  killWord(): void {
    let from = this.cursor;
    while (from > 0 && this.text[from - 1] === ' ') from--;
    while (from > 0 && this.text[from - 1] !== ' ') from--;
    this.text = this.text.slice(0, from) + this.text.slice(this.cursor);
    this.cursor = from;
  }

  /** Replaces the line and puts the cursor at `cursor` (Tab completion); history browsing is kept. */
  replace(text: string, cursor: number): void {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  /** Up: the previous history entry (the typed line is kept as the draft). */
  historyUp(): void {
    if (this.browsing === 0) return;
    if (this.browsing === this.history.length) this.draft = this.text;
    this.browsing--;
    this.show(this.history[this.browsing]);
  }

  /** Down: the next history entry, then the draft. */
  historyDown(): void {
    if (this.browsing >= this.history.length) return;
    this.browsing++;
    this.show(this.browsing === this.history.length ? this.draft : this.history[this.browsing]);
  }

  /** Enter: returns the line, adds it to history (not blanks, not a repeat of the last one), clears. */
  submit(): string {
    const line = this.text;
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.clear();
    return line;
  }

  /** Empties the line and leaves history browsing. */
  clear(): void {
    this.text = '';
    this.cursor = 0;
    this.draft = '';
    this.browsing = this.history.length;
  }

  /** History entries, oldest first. */
  entries(): readonly string[] {
    return this.history;
  }

  /** The line split at the cursor. */
  view(): LineView {
    const at = charAt(this.text, this.cursor);
    return { before: this.text.slice(0, this.cursor), at: at === '' ? ' ' : at, after: this.text.slice(this.cursor + at.length) };
  }

  private show(text: string): void {
    this.text = text;
    this.cursor = text.length;
  }
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function charBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}
