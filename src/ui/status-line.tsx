/**
 * The status line under the lesson: the lesson id, step n/m, the zero-downtime meter (when the
 * lesson watches a Service), virtual time with pause and speed, then a line of the keys, led
 * by Ctrl-G's next panel when the panels take turns. Both rows are cut to the screen's width.
 */
import { Box, Text } from 'ink';
import { formatTimestamp } from '../cluster/clock.js';
import { useColor } from './layout/color-mode.js';
import { columns, truncateLine } from './layout/styled-line.js';
import type { UiStrings } from './strings.js';

/** Props of the status line. */
export interface StatusLineProps {
  text: UiStrings;
  /** The lesson's id (short: the title is in the panel). */
  lessonId: string;
  stepNumber: number;
  stepCount: number;
  finished: boolean;
  virtualMs: number;
  paused: boolean;
  speed: number;
  meter?: { sent: number; failed: number };
  /** Screen columns (the rows are cut to it); unknown: not cut. */
  width?: number;
  /** Ctrl-G's entry (`^G cluster`) when the panels take turns. */
  switchKey?: string;
  /** The key line used when the full one does not fit. */
  shortHelp?: string;
}

/** `HH:MM:SS` of a virtual instant (UTC, as the cluster's timestamps). */
export function clockText(ms: number): string {
  return formatTimestamp(ms).slice(11, 19);
}

/** The key line: Ctrl-G's entry first, then the full help if it fits, else the short one. */
export function keyLine(help: string, width: number | undefined, switchKey?: string, shortHelp?: string): string {
  const lead = switchKey ? `${switchKey} · ` : '';
  if (width === undefined || columns(lead + help) <= width || !shortHelp) return lead + help;
  return lead + shortHelp;
}

/** Step, meter, time; then the help line. */
export function StatusLine(p: StatusLineProps) {
  const color = useColor();
  const step = p.finished ? p.text.finished : p.text.step(p.stepNumber, p.stepCount);
  const meter = p.meter && ` · ${p.text.downtime(p.meter.failed, p.meter.sent)}`;
  const time = ` · ${p.text.virtualTime} ${clockText(p.virtualMs)}${p.paused ? ` ⏸ ${p.text.paused}` : ` ▶ x${p.speed}`} `;
  const cut = (s: string) => (p.width === undefined ? s : truncateLine([{ text: s }], p.width).map((x) => x.text).join(''));
  const head = ` ${p.lessonId} · ${step}`;
  const full = cut(head + (meter ?? '') + time);
  const keys = cut(keyLine(p.text.help, p.width, p.switchKey, p.shortHelp));
  // The meter keeps its colour only when the row is whole.
  const whole = full === head + (meter ?? '') + time;
  return (
    <Box flexDirection="column">
      <Text inverse={color} wrap="truncate-end">
        {whole && meter ? (
          <>
            {head}
            <Text color={color && p.meter!.failed > 0 ? 'red' : undefined}>{meter}</Text>
            {time}
          </>
        ) : (
          full
        )}
      </Text>
      <Text dimColor={color} wrap="truncate-end">
        {keys}
      </Text>
    </Box>
  );
}
