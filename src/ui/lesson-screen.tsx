/**
 * The lesson screen: the terminal (scrollback, prompt) on top, then the lesson panel (steps,
 * instructions, hints, feedback, or the finish screen) and the status line with the keys.
 * The terminal comes first so the prompt follows the output, as in a real terminal.
 */
import { Box } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import { LessonPanel } from './lesson-panel.js';
import type { LessonRuntime } from './lesson-runtime.js';
import { StatusLine } from './status-line.js';
import { TerminalPane } from './terminal-pane.js';
import { useLessonKeys } from './use-lesson-keys.js';

/** Props of the lesson screen. */
export interface LessonScreenProps {
  runtime: LessonRuntime;
  /** Called once the student leaves (Ctrl-D, `exit`). */
  onExit(): void;
}

/** A lesson in progress. */
export function LessonScreen({ runtime, onExit }: LessonScreenProps) {
  const state = useSyncExternalStore(runtime.subscribe, runtime.snapshot);
  const editor = useLessonKeys(runtime, !state.exited);
  const scenario = runtime.lesson.scenario;
  const lang = runtime.lang;
  useEffect(() => {
    if (state.exited) onExit();
  }, [state.exited, onExit]);
  return (
    <Box flexDirection="column">
      <TerminalPane lines={state.lines} partial={state.partial} running={state.running} prompt={state.prompt} line={editor.view()} />
      <LessonPanel scenario={scenario} lang={lang} text={runtime.text} state={state} sessionFile={runtime.recorder.file} />
      <StatusLine
        text={runtime.text}
        lessonId={scenario.id}
        stepNumber={state.stepNumber}
        stepCount={state.stepCount}
        finished={state.finished}
        virtualMs={state.virtualMs}
        paused={state.paused}
        speed={state.speed}
        meter={state.meter}
      />
    </Box>
  );
}
