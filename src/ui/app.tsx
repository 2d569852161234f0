/**
 * The TUI's root: the lesson picker, then the lesson chosen; or a lesson directly
 * (`kubelab lesson ID`). Making a lesson (workspace, cluster) is left to the caller. The picker
 * can switch the language; the lesson opens in the language chosen there.
 */
import { useCallback, useState } from 'react';
import type { Lang } from '../lesson/scenario-types.js';
import type { BrokenScenario, LibraryEntry } from './lesson-library.js';
import { LessonScreen } from './lesson-screen.js';
import type { LessonRuntime } from './lesson-runtime.js';
import { PickerScreen } from './picker-screen.js';
import { uiStrings } from './strings.js';

/** Props of the app. */
export interface AppProps {
  lang: Lang;
  /** The lessons the picker offers. */
  lessons: readonly LibraryEntry[];
  /** Local files that look like scenarios but do not load. */
  broken?: readonly BrokenScenario[];
  /** A lesson to open at once, skipping the picker. */
  runtime?: LessonRuntime;
  /** Makes the runtime of a picked lesson (and starts its clock); `fresh` sets the old folder aside. */
  startLesson(entry: LibraryEntry, fresh: boolean, lang: Lang): LessonRuntime;
  /** Called when the student leaves, with the lesson they were in, if any. */
  onExit(runtime: LessonRuntime | undefined): void;
}

/** Picker → lesson. */
export function App({ lang: initialLang, lessons, broken, runtime: initial, startLesson, onExit }: AppProps) {
  const [runtime, setRuntime] = useState<LessonRuntime | undefined>(initial);
  const [lang, setLang] = useState<Lang>(initialLang);
  const leave = useCallback(() => onExit(runtime), [onExit, runtime]);
  if (runtime) return <LessonScreen runtime={runtime} onExit={leave} />;
  return (
    <PickerScreen
      lessons={lessons}
      broken={broken}
      lang={lang}
      text={uiStrings(lang)}
      onPick={(entry, fresh) => setRuntime(startLesson(entry, fresh, lang))}
      onLang={setLang}
      onQuit={leave}
    />
  );
}
