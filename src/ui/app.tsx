/**
 * The TUI's root: the lesson picker, then the lesson chosen; or a lesson directly
 * (`kubelab lesson ID`). Making a lesson (workspace, cluster) is left to the caller.
 */
import { useCallback, useState } from 'react';
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import { LessonScreen } from './lesson-screen.js';
import type { LessonRuntime } from './lesson-runtime.js';
import { PickerScreen } from './picker-screen.js';
import { uiStrings } from './strings.js';

/** Props of the app. */
export interface AppProps {
  lang: Lang;
  /** The lessons the picker offers. */
  lessons: readonly Scenario[];
  /** A lesson to open at once, skipping the picker. */
  runtime?: LessonRuntime;
  /** Makes the runtime of a picked lesson (and starts its clock). */
  startLesson(scenario: Scenario): LessonRuntime;
  /** Called when the student leaves, with the lesson they were in, if any. */
  onExit(runtime: LessonRuntime | undefined): void;
}

/** Picker → lesson. */
export function App({ lang, lessons, runtime: initial, startLesson, onExit }: AppProps) {
  const [runtime, setRuntime] = useState<LessonRuntime | undefined>(initial);
  const leave = useCallback(() => onExit(runtime), [onExit, runtime]);
  if (runtime) return <LessonScreen runtime={runtime} onExit={leave} />;
  return <PickerScreen lessons={lessons} lang={lang} text={uiStrings(lang)} onPick={(s) => setRuntime(startLesson(s))} onQuit={leave} />;
}
