/**
 * The lesson panel: the steps with their state (✓ done, ↷ skipped, ▸ current, · later), the
 * current step's instructions, the hints asked for, and what just happened (a step done or
 * skipped). Once the lesson is finished it shows the finish screen instead.
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
}

/** The state mark of a step. */
export function stepMark(id: string, state: Pick<RuntimeSnapshot, 'completed' | 'skipped' | 'step'>): string {
  if (state.step?.id === id) return '▸';
  if (state.completed.includes(id)) return '✓';
  if (state.skipped.includes(id)) return '↷';
  return '·';
}

/** Steps, instructions, hints and feedback; or the finish screen. */
export function LessonPanel({ scenario, lang, text, state, sessionFile }: LessonPanelProps) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Box flexDirection="column">
        {scenario.steps.map((s) => {
          const mark = stepMark(s.id, state);
          return (
            <Text key={s.id} color={mark === '✓' ? 'green' : mark === '▸' ? 'cyan' : undefined} dimColor={mark === '·' || mark === '↷'}>
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
          <Box flexDirection="column" marginTop={1}>
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
    <Box flexDirection="column" marginTop={1}>
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
    <Box flexDirection="column" marginTop={1}>
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
