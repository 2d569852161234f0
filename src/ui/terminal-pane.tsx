/**
 * The terminal: the scrollback's last rows that fit the pane, the line still being printed,
 * and the prompt with the line being edited and a block cursor. While a command runs the
 * prompt is hidden, as in a shell. Long lines wrap at the pane's width as a terminal wraps
 * them (wide characters take two columns), so the pane is never taller than its rows and the
 * newest output is always at the bottom, above the prompt. Scrolled back (PageUp), the pane
 * shows older rows under a marker row saying how far back it is. Under NO_COLOR the block cursor
 * (an inverse cell) cannot show: the terminal's own cursor is put there instead.
 */
import { useCursor } from 'ink';
import type { LineView } from './line-editor.js';
import type { OutputLine } from './output-buffer.js';
import { useColor } from './layout/color-mode.js';
import { lineColumns, wrapLine, type StyledLine } from './layout/styled-line.js';
import { StyledLines } from './layout/styled-lines.js';

/** Props of the terminal pane. */
export interface TerminalPaneProps {
  lines: readonly OutputLine[];
  partial: string;
  running: boolean;
  prompt: string;
  line: LineView;
  width: number;
  /** Rows of the pane; undefined: the whole scrollback. */
  height?: number;
  /** Rows scrolled back from the bottom (PageUp); 0 or undefined: the newest. */
  scrolledBack?: number;
  /** The marker row's text when scrolled back by `n` rows. */
  scrollMarker?: (n: number) => string;
}

/** The rows a terminal pane shows, and where its cursor is (row, column), if at a prompt. */
export function terminalRows(p: TerminalPaneProps): { rows: StyledLine[]; cursor?: { x: number; y: number } } {
  const { width, height } = p;
  const back = height === undefined ? 0 : (p.scrolledBack ?? 0);
  const tail: StyledLine[] = [];
  let cursorFromEnd: { x: number; rowsAfter: number } | undefined;
  if (!p.running) {
    const promptRows = wrapLine([{ text: p.prompt, bold: true }, { text: p.line.before }, { text: p.line.at, inverse: true }, { text: p.line.after }], width);
    const upTo = wrapLine([{ text: p.prompt + p.line.before }], width);
    const x = lineColumns(upTo[upTo.length - 1]);
    const atRow = x >= width ? upTo.length : upTo.length - 1;
    cursorFromEnd = { x: x >= width ? 0 : x, rowsAfter: promptRows.length - 1 - Math.min(atRow, promptRows.length - 1) };
    tail.unshift(...promptRows);
  }
  if (p.partial !== '') tail.unshift(...wrapLine([{ text: p.partial }], width));
  const rows: StyledLine[] = [];
  const room = height === undefined ? Infinity : height - tail.length + back;
  for (let i = p.lines.length - 1; i >= 0 && rows.length < room; i--) {
    const l = p.lines[i];
    const wrapped = wrapLine([{ text: l.text, bold: l.kind === 'cmd' }], width);
    for (let j = wrapped.length - 1; j >= 0 && rows.length < room; j--) rows.unshift(wrapped[j]);
  }
  const all = [...rows, ...tail];
  if (height === undefined) return { rows: all, cursor: cursorFromEnd && { x: cursorFromEnd.x, y: all.length - 1 - cursorFromEnd.rowsAfter } };
  // Scrolled back past the oldest row: the oldest page stays.
  const end = Math.max(Math.min(height, all.length), all.length - back);
  if (end < all.length) {
    const marker = p.scrollMarker?.(all.length - end) ?? `↑ ${all.length - end}`;
    return { rows: [...all.slice(Math.max(0, end - height), end).slice(1), [{ text: marker, inverse: true }]] };
  }
  const shown = all.slice(-height);
  const cursor = cursorFromEnd && { x: cursorFromEnd.x, y: shown.length - 1 - cursorFromEnd.rowsAfter };
  return { rows: shown, cursor };
}

/** The scrollback's last rows, the partial line and the prompt. */
export function TerminalPane(props: TerminalPaneProps) {
  const color = useColor();
  const { setCursorPosition } = useCursor();
  const { rows, cursor } = terminalRows(props);
  setCursorPosition(!color && cursor && cursor.y >= 0 ? cursor : undefined);
  return <StyledLines lines={rows} width={props.width} height={props.height} />;
}
