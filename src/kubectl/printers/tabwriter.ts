/**
 * A port of Go's text/tabwriter (with the flags kubectl uses: none), so that columns line up
 * exactly as kubectl's. Cells end at '\t'; the text after a line's last tab is not part of
 * any column. A column block is a run of consecutive lines that have a cell in that column;
 * its width is the widest cell plus padding, at least minwidth. Widths count runes, as Go does.
 *
 * kubectl's table printer uses minwidth 6, padding 3 (printers.GetNewTabWriter);
 * describe uses minwidth 0, padding 2 (describe.go tabbedString).
 */

/**
 * Lays out tab-separated text as Go's tabwriter would (padchar ' '). With `remembered`
 * (liggitt/tabwriter's RememberWidths, which kubectl's table printer uses), column widths
 * never shrink below the widest seen in earlier flushes, and the array is updated in place.
 */
export function tabulate(text: string, minwidth: number, padding: number, remembered?: number[]): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widthsOf = lines.map((cells) => cells.map((c) => [...c].length));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - widthsOf[i][j]));
      }
      out[i] = s;
    }
  };

  // Go's Writer.format, recursive over column blocks.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= lines[row].length - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let width = minwidth;
      for (; row < line1; row++) {
        if (column >= lines[row].length - 1) break;
        width = Math.max(width, widthsOf[row][column] + padding);
      }
      if (remembered) width = remember(remembered, widths, width);
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** liggitt/tabwriter's RememberWidths rule for the column at depth `widths.length`. */
function remember(maxwidths: number[], widths: readonly number[], width: number): number {
  if (maxwidths.length < widths.length) maxwidths.push(...widths.slice(maxwidths.length));
  const col = widths.length;
  if (maxwidths.length === col) maxwidths.push(width);
  else if (maxwidths[col] > width) return maxwidths[col];
  else maxwidths[col] = width;
  return width;
}

/**
 * kubectl's printers.GetNewTabWriter (minwidth 6, padding 3, RememberWidths): text written
 * between flushes is laid out together; widths are remembered across flushes until reset.
 */
export class TabWriter {
  private buf = '';
  private widths: number[] = [];

  constructor(private readonly out: (text: string) => void) {}

  /** Buffers text. */
  write(text: string): void {
    this.buf += text;
  }

  /** Lays out and writes what was buffered. */
  flush(): void {
    if (this.buf === '') return;
    const text = this.buf;
    this.buf = '';
    this.out(tabulate(text, 6, 3, this.widths));
  }

  /** SetRememberedWidths(nil). */
  resetWidths(): void {
    this.widths = [];
  }
}
