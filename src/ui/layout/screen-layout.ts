/**
 * Where each part of the lesson screen goes for a terminal size. The frame is at most
 * rows - 1 lines high (ink clears and redraws the whole screen for a frame as tall as the
 * terminal), and each part gets a fixed height that its content is cut to.
 *
 * - Narrow (under 140 columns, 80x24 included): the terminal on top, ONE of the lesson, the
 *   cluster view or the traffic panel below it (Ctrl-G switches), then the two status lines.
 *   At 80x24: terminal 10 rows, panel 11 (a tab row and 10 of content), status 2.
 * - Wide (140 columns or more, with at least 30 rows): the terminal and the lesson panel on
 *   the left, the cluster view over the traffic panel on the right, the status lines under
 *   both. At 160x48: left 95 columns and a gap (terminal 27 rows, lesson 18), right 64 (cluster 30,
 *   traffic 15).
 * - Unknown height (not a terminal, as in ink-testing-library): stacked, nothing is cut.
 */

/** The panels that can share the place under the terminal. */
export const PANELS = ['lesson', 'cluster', 'traffic'] as const;

/** One of the switchable panels. */
export type PanelName = (typeof PANELS)[number];

/** The next panel in Ctrl-G's cycle. */
export function nextPanel(p: PanelName): PanelName {
  return PANELS[(PANELS.indexOf(p) + 1) % PANELS.length];
}

/** Columns from which the panels sit beside the terminal. */
export const WIDE_COLUMNS = 140;

/** Rows the wide layout needs (below this even a wide terminal stacks). */
export const WIDE_MIN_ROWS = 30;

/** Rows of the status line and the key line. */
export const STATUS_ROWS = 2;

/** A part's size; `height` undefined means as tall as its content. */
export interface Area {
  width: number;
  height?: number;
}

/** The layout of the lesson screen. */
export type ScreenLayout =
  | { kind: 'stacked'; width: number; terminal: Area; panel: Area }
  | { kind: 'wide'; width: number; terminal: Area; lesson: Area; cluster: Area; traffic: Area };

/** The layout for a terminal of `columns` x `rows` (rows undefined when unknown). */
export function screenLayout(columns: number, rows: number | undefined): ScreenLayout {
  const width = Math.max(20, columns);
  if (rows === undefined) return { kind: 'stacked', width, terminal: { width }, panel: { width } };
  const body = Math.max(4, rows - 1 - STATUS_ROWS);
  if (width >= WIDE_COLUMNS && rows >= WIDE_MIN_ROWS) {
    const side = Math.min(72, Math.floor(width * 0.4));
    const left = width - side;
    const lesson = Math.floor(body * 0.4);
    const traffic = Math.min(16, Math.floor(body * 0.35));
    return {
      kind: 'wide',
      width,
      // One blank column between the left parts and the right ones.
      terminal: { width: left - 1, height: body - lesson },
      lesson: { width: left - 1, height: lesson },
      cluster: { width: side, height: body - traffic },
      traffic: { width: side, height: traffic },
    };
  }
  const panel = Math.max(3, Math.ceil(body / 2));
  return { kind: 'stacked', width, terminal: { width, height: body - panel }, panel: { width, height: panel } };
}
