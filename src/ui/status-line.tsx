/**
 * The status line under the lesson: the lesson id, step n/m, the zero-downtime meter (when the lesson
 * watches a Service), virtual time with pause and speed, then a line of the keys.
 */
import { Box, Text } from 'ink';
import { formatTimestamp } from '../cluster/clock.js';
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
}

/** `HH:MM:SS` of a virtual instant (UTC, as the cluster's timestamps). */
export function clockText(ms: number): string {
  return formatTimestamp(ms).slice(11, 19);
}

/** Step, meter, time; then the help line. */
export function StatusLine(p: StatusLineProps) {
  const step = p.finished ? p.text.finished : p.text.step(p.stepNumber, p.stepCount);
  return (
    <Box flexDirection="column">
      <Text inverse>
        {` ${p.lessonId} · ${step}`}
        {p.meter && (
          <Text color={p.meter.failed > 0 ? 'red' : undefined}>{` · ${p.text.downtime(p.meter.failed, p.meter.sent)}`}</Text>
        )}
        {` · ${p.text.virtualTime} ${clockText(p.virtualMs)}`}
        {p.paused ? ` ⏸ ${p.text.paused}` : ` ▶ x${p.speed}`}{' '}
      </Text>
      <Text dimColor>{p.text.help}</Text>
    </Box>
  );
}
