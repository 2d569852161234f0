/**
 * describe.go's PrefixWriter and tabbedString: text written at indentation levels of two
 * spaces, laid out by Go's tabwriter with describe's settings (minwidth 0, tabwidth 8,
 * padding 2, padchar ' ', no flags). `flush()` ends the current column blocks, as
 * `w.Flush()` does before the Events table.
 */
import { tabulate } from '../printers/tabwriter.js';

/** Indentation levels (each is two spaces). */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** Collects describe output; `toString()` applies the tabwriter. */
export class PrefixWriter {
  private readonly flushed: string[] = [];
  private pending = '';
  private raw = '';

  /** `w.Write(level, text)`: the text (already formatted) after `level` × two spaces. */
  write(level: number, text: string): void {
    const t = '  '.repeat(level) + escapeTerminal(text);
    this.pending += t;
    this.raw += t;
  }

  /** `w.WriteLine(a...)`: the values joined by spaces, then a newline, with no indentation. */
  writeLine(...values: string[]): void {
    const t = escapeTerminal(`${values.join(' ')}\n`);
    this.pending += t;
    this.raw += t;
  }

  /** Ends the current column blocks (Go's tabwriter Flush). */
  flush(): void {
    this.flushed.push(layout(this.pending));
    this.pending = '';
  }

  /** The laid-out text. */
  toString(): string {
    return this.flushed.join('') + layout(this.pending);
  }

  /** The text as written, tabs and all (a PrefixWriter over a plain buffer, no tabwriter). */
  rawText(): string {
    return this.raw;
  }
}

/** Runs `fn` with a fresh writer and returns its text without tabwriter layout. */
export function untabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.rawText();
}

/** Runs `fn` with a fresh writer and returns the laid-out text (describe.go tabbedString). */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.toString();
}

function layout(text: string): string {
  return text === '' ? '' : tabulate(text, 0, 2);
}

/** printers.WriteEscaped (cli-runtime terminal.go): ESC becomes `^[` and CR becomes `\\r`. */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
