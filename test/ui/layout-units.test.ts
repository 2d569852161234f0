/** The lesson screen's layout arithmetic: sizes per terminal, wrapping by columns, the terminal pane's window. */
import { describe, expect, test } from 'vitest';
import { screenLayout } from '../../src/ui/layout/screen-layout.js';
import { columns, lineColumns, truncateLine, wrapLine } from '../../src/ui/layout/styled-line.js';
import type { OutputLine } from '../../src/ui/output-buffer.js';
import { visibleSteps } from '../../src/ui/lesson-panel.js';
import { keyLine } from '../../src/ui/status-line.js';
import { terminalRows } from '../../src/ui/terminal-pane.js';

describe('screenLayout', () => {
  test.each([
    // columns, rows → kind, terminal rows, panel rows (stacked) or lesson rows (wide)
    [80, 24, 'stacked', 10, 11],
    [100, 40, 'stacked', 18, 19],
    [139, 50, 'stacked', 23, 24],
    [160, 48, 'wide', 27, 18],
    [200, 29, 'stacked', 13, 13],
  ] as const)('%dx%d: %s, terminal %d rows, the other part %d', (cols, rows, kind, terminal, other) => {
    const l = screenLayout(cols, rows);
    expect(l.kind).toBe(kind);
    expect(l.terminal.height).toBe(terminal);
    expect(l.kind === 'wide' ? l.lesson.height : l.panel.height).toBe(other);
    // With the two status rows the frame is one row short of the terminal.
    expect(terminal + other + 2).toBe(rows - 1);
  });

  test('wide: the right column and the left one with a gap make the width', () => {
    const l = screenLayout(160, 48);
    if (l.kind !== 'wide') throw new Error('not wide');
    expect(l.terminal.width + 1 + l.cluster.width).toBe(160);
    expect(l.cluster.height! + l.traffic.height!).toBe(45);
  });

  test('unknown rows: stacked and uncut', () => {
    expect(screenLayout(100, undefined)).toEqual({ kind: 'stacked', width: 100, terminal: { width: 100 }, panel: { width: 100 } });
  });
});

describe('styled lines in columns', () => {
  test('Hangul takes two columns: wrap and cut count them', () => {
    expect(columns('단계 1/2')).toBe(8);
    const rows = wrapLine([{ text: '가나다라마' }], 5);
    expect(rows.map((r) => r.map((s) => s.text).join(''))).toEqual(['가나', '다라', '마']);
    const cut = truncateLine([{ text: 'abc' }, { text: '가나다', bold: true }], 6);
    expect(lineColumns(cut)).toBeLessThanOrEqual(6);
    expect(cut.map((s) => s.text).join('')).toBe('abc가…');
  });

  test('a wrap keeps each run its style', () => {
    const rows = wrapLine([{ text: 'abcd', bold: true }, { text: 'efgh' }], 3);
    expect(rows).toEqual([[{ text: 'abc', bold: true }], [{ text: 'd', bold: true }, { text: 'ef' }], [{ text: 'gh' }]]);
  });
});

describe('terminal pane window', () => {
  const lines: OutputLine[] = Array.from({ length: 30 }, (_, i) => ({ id: i, text: `line ${i}`, kind: 'out' }));
  const base = { lines, partial: '', running: false, prompt: '$ ', line: { before: 'kub', at: 'e', after: 'ctl' }, width: 20 };
  const text = (rows: { text: string }[][]) => rows.map((r) => r.map((s) => s.text).join(''));

  test('the last rows that fit, the prompt last, the cursor on it', () => {
    const { rows, cursor } = terminalRows({ ...base, height: 5 });
    expect(text(rows)).toEqual(['line 26', 'line 27', 'line 28', 'line 29', '$ kubectl']);
    expect(cursor).toEqual({ x: 5, y: 4 });
  });

  test('long lines wrap at the width and count as the rows they take', () => {
    const long: OutputLine[] = [{ id: 0, text: 'x'.repeat(45), kind: 'out' }];
    const { rows } = terminalRows({ ...base, lines: long, height: 3 });
    expect(text(rows)).toEqual(['x'.repeat(20), 'x'.repeat(5), '$ kubectl']);
  });

  test('PageUp: older rows with a marker row; past the top the oldest page stays', () => {
    const marker = (n: number) => `back ${n}`;
    expect(text(terminalRows({ ...base, height: 5, scrolledBack: 4, scrollMarker: marker }).rows)).toEqual(['line 23', 'line 24', 'line 25', 'line 26', 'back 4']);
    const top = terminalRows({ ...base, height: 5, scrolledBack: 100, scrollMarker: marker });
    expect(text(top.rows)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'back 26']);
    expect(top.cursor).toBeUndefined();
  });
});

describe('key line', () => {
  const help = '^T hint · ^X skip step · ^P pause · ^O speed · ^C interrupt · ^D leave (^=Ctrl)';
  test('the full help when it fits, the short one at 80 columns', () => {
    expect(keyLine(help, 100, '^G cluster', 'short')).toBe(`^G cluster · ${help}`);
    expect(keyLine(help, 80, '^G cluster', 'short')).toBe('^G cluster · short');
    expect(keyLine(help, undefined)).toBe(help);
  });
});

describe('lesson panel steps', () => {
  const steps = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => ({ id }));
  test.each([
    [undefined, 'c', 'abcdefghi'],
    [14, 'c', 'bcd'],
    [14, 'i', 'ghi'],
    [10, 'c', 'c'],
    [10, undefined, ''],
  ] as const)('height %s, current %s: %s', (height, current, shown) => {
    expect(visibleSteps(steps, current, height).map((s) => s.id).join('')).toBe(shown);
  });
});
