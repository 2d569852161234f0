/**
 * The status line under the lesson: the lesson id, step n/m, the zero-downtime meter (when the
 * lesson watches a Service), virtual time with pause and speed, the seed and the language;
 * then a line of the keys, led by Ctrl-G's next panel when the panels take turns. When the
 * first row does not fit, the meter and the time drop their words (`✗ 3/63`, `09:00:12`);
 * only then are the rows cut to the screen's width.
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
  /** The cluster's seed. */
  seed?: string;
  /** The language shown, as its name in that language (`English`, `한국어`). */
  langName?: string;
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
  const run = p.paused ? ` ⏸ ${p.text.paused}` : ` ▶ x${p.speed}`;
  const tail = `${p.seed === undefined ? '' : ` · ${p.text.seed} ${p.seed}`}${p.langName ? ` · ${p.langName}` : ''} `;
  const head = ` ${p.lessonId} · ${step}`;
  let meter = p.meter && ` · ${p.text.downtime(p.meter.failed, p.meter.sent)}`;
  let time = ` · ${p.text.virtualTime} ${clockText(p.virtualMs)}${run}${tail}`;
  if (p.width !== undefined && columns(head + (meter ?? '') + time) > p.width) {
    meter = p.meter && ` · ✗ ${p.meter.failed}/${p.meter.sent}`;
    time = ` · ${clockText(p.virtualMs)}${run}${tail}`;
  }
  const cut = (s: string) => (p.width === undefined ? s : truncateLine([{ text: s }], p.width).map((x) => x.text).join(''));
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
