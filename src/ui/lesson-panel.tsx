/**
 * The lesson panel: the steps with their state (✓ done, ↷ skipped, ▸ current, · later), the
 * current step's instructions, the hints asked for, and what just happened (a step done or
 * skipped). Once the lesson is finished it shows the finish screen instead. Given a height
 * (80x24 leaves it ten rows) it is cut to it, and a long list of steps shrinks to the ones
 * around the current step, so the instructions still show.
 */
import { Box, Text } from 'ink';
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import type { Feedback, RuntimeSnapshot } from './lesson-runtime.js';
import { InlineText, MarkdownText } from './markdown-text.js';
import type { UiStrings } from './strings.js';

/** Props of the lesson panel. */
export interface LessonPanelProps {
  scenario: Scenario;
  lang: Lang;
  text: UiStrings;
  state: RuntimeSnapshot;
  sessionFile: string;
  /** Rows it may take (border included); undefined: as many as it needs. */
  height?: number;
  width?: number;
}

/**
 * Steps shown: all of them when they leave six rows for the rest; else the current one with
 * one before and one after; under 14 rows (80x24 gives the panel 10) the current one alone
 * (the status line says which of how many).
 */
export function visibleSteps<T extends { id: string }>(steps: readonly T[], currentId: string | undefined, height: number | undefined): T[] {
  if (height === undefined || steps.length + 6 <= height) return [...steps];
  const at = Math.max(0, steps.findIndex((s) => s.id === currentId));
  if (height < 14) return currentId === undefined ? [] : steps.slice(at, at + 1);
  const from = Math.max(0, Math.min(at - 1, steps.length - 3));
  return steps.slice(from, from + 3);
}

/** The state mark of a step. */
export function stepMark(id: string, state: Pick<RuntimeSnapshot, 'completed' | 'skipped' | 'step'>): string {
  if (state.step?.id === id) return '▸';
  if (state.completed.includes(id)) return '✓';
  if (state.skipped.includes(id)) return '↷';
  return '·';
}

/** Steps, instructions, hints and feedback; or the finish screen. */
export function LessonPanel({ scenario, lang, text, state, sessionFile, height, width }: LessonPanelProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} height={height} width={width} overflow="hidden">
      <Box flexDirection="column" flexShrink={0}>
        {visibleSteps(scenario.steps, state.step?.id, height).map((s) => {
          const mark = stepMark(s.id, state);
          return (
            <Text key={s.id} wrap="truncate-end" color={mark === '✓' ? 'green' : mark === '▸' ? 'cyan' : undefined} dimColor={mark === '·' || mark === '↷'}>
              {`${mark} ${s.title[lang]}`}
            </Text>
          );
        })}
      </Box>
      {state.feedback && <FeedbackLines feedback={state.feedback} />}
      {state.finished ? (
        <FinishScreen text={text} state={state} sessionFile={sessionFile} />
      ) : (
        state.step && (
          <Box flexDirection="column" marginTop={1} flexShrink={0}>
            <Text bold>{state.step.title[lang]}</Text>
            <MarkdownText source={state.step.instructions[lang]} />
            {state.hints.map((h, i) => (
              <Text key={i} color="yellow">
                {`${text.hint} ${i + 1}: `}
                <InlineText text={h} />
              </Text>
            ))}
          </Box>
        )
      )}
    </Box>
  );
}

function FeedbackLines({ feedback }: { feedback: Feedback }) {
  const color = feedback.kind === 'done' ? 'green' : 'yellow';
  return (
    <Box flexDirection="column" marginTop={1} flexShrink={0}>
      {feedback.lines.map((l, i) => (
        <Text key={i} color={color} bold={i === 0}>
          {l}
        </Text>
      ))}
    </Box>
  );
}

/** The end of the lesson: what was done, the downtime record, where the session is. */
export function FinishScreen({ text, state, sessionFile }: { text: UiStrings; state: RuntimeSnapshot; sessionFile: string }) {
  return (
    <Box flexDirection="column" marginTop={1} flexShrink={0}>
      <Text bold color="green">
        {text.lessonDone}
      </Text>
      <Text>{text.summary(state.completed.length, state.skipped.length, state.hintsUsed)}</Text>
      {state.meter && <Text color={state.meter.failed > 0 ? 'red' : 'green'}>{text.downtimeSummary(state.meter.failed, state.meter.sent)}</Text>}
      <Text>{text.sessionSaved(sessionFile)}</Text>
      <Text dimColor>{text.finishHelp}</Text>
    </Box>
  );
}
