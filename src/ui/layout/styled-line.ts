/**
 * Lines of styled text measured in terminal columns, as the panels lay them out: Hangul and
 * other wide characters take two columns (string-width), so widths, cuts and wraps are exact
 * and a panel's height is the number of lines it hands to ink, never more.
 */
import stringWidth from 'string-width';

/** A run of text with one style (ink colour names; nothing else is used). */
export interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

/** One terminal row. */
export type StyledLine = Segment[];

/** Columns a string takes in a terminal. */
export function columns(text: string): number {
  return stringWidth(text);
}

/** Columns a line takes. */
export function lineColumns(line: StyledLine): number {
  let n = 0;
  for (const s of line) n += stringWidth(s.text);
  return n;
}

/** A line cut to `width` columns; a cut line ends in `…`. */
export function truncateLine(line: StyledLine, width: number): StyledLine {
  if (lineColumns(line) <= width) return line;
  const out: StyledLine = [];
  let left = width - 1;
  for (const s of line) {
    if (left <= 0) break;
    let text = '';
    for (const ch of s.text) {
      const w = stringWidth(ch);
      if (w > left) {
        left = 0;
        break;
      }
      text += ch;
      left -= w;
    }
    if (text !== '') out.push({ ...s, text });
  }
  out.push({ text: '…', dim: true });
  return out;
}

/**
 * A line hard-wrapped into rows of at most `width` columns, as a terminal wraps what it is
 * given (a wide character that does not fit goes to the next row whole). An empty line is one
 * empty row.
 */
export function wrapLine(line: StyledLine, width: number): StyledLine[] {
  const rows: StyledLine[] = [[]];
  let used = 0;
  const w = Math.max(1, width);
  for (const s of line) {
    let text = '';
    for (const ch of s.text) {
      const cw = stringWidth(ch);
      if (used + cw > w && used > 0) {
        if (text !== '') rows[rows.length - 1].push({ ...s, text });
        rows.push([]);
        text = '';
        used = 0;
      }
      text += ch;
      used += cw;
    }
    if (text !== '') rows[rows.length - 1].push({ ...s, text });
  }
  return rows;
}

/** How many rows a plain string takes at `width` columns (without building them). */
export function wrappedRows(text: string, width: number): number {
  const n = stringWidth(text);
  // Only a line with wide characters can need more rows than ceil(n / width).
  if (n === text.length) return Math.max(1, Math.ceil(n / Math.max(1, width)));
  return wrapLine([{ text }], width).length;
}

/** A string padded with spaces to `width` columns (or cut to it). */
export function padColumns(text: string, width: number): string {
  const n = stringWidth(text);
  if (n > width) return truncateLine([{ text }], width).map((s) => s.text).join('');
  return text + ' '.repeat(width - n);
}
