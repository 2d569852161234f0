/**
 * The terminal pane's scrollback: complete lines (rendered once, in ink's `<Static>`) and the
 * line still being written (shown live until its newline comes). Tabs expand to 8-column
 * stops and a carriage return starts the line over, as a terminal shows them.
 */

/** One finished line of the scrollback. */
export interface OutputLine {
  id: number;
  text: string;
  /** `cmd`: a prompt and the line typed at it; `out`: what commands printed. */
  kind: 'cmd' | 'out';
}

/** Append-only lines plus the partial line. */
export class OutputBuffer {
  private readonly items: OutputLine[] = [];
  private copy: readonly OutputLine[] = [];
  private partialText = '';
  private nextId = 0;

  /** Writes command output; complete lines move to the scrollback. */
  write(text: string): void {
    const parts = (this.partialText + text).split('\n');
    this.partialText = parts.pop() ?? '';
    for (const p of parts) this.items.push(this.line(p, 'out'));
  }

  /** Adds a typed line after its prompt. */
  echo(prompt: string, line: string): void {
    this.flush();
    this.items.push(this.line(prompt + line, 'cmd'));
  }

  /** Ends the partial line (a command finished without a final newline). */
  flush(): void {
    if (this.partialText === '') return;
    this.items.push(this.line(this.partialText, 'out'));
    this.partialText = '';
  }

  /** The finished lines (a new array after a change, so React sees it; copied only when read). */
  lines(): readonly OutputLine[] {
    if (this.copy.length !== this.items.length) this.copy = this.items.slice();
    return this.copy;
  }

  /** The line being written. */
  partial(): string {
    return terminalText(this.partialText);
  }

  private line(text: string, kind: OutputLine['kind']): OutputLine {
    return { id: this.nextId++, text: terminalText(text), kind };
  }
}

/** A line as a terminal shows it: text after the last `\r`, tabs to 8-column stops. */
export function terminalText(raw: string): string {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const text = line.slice(line.lastIndexOf('\r') + 1);
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}
