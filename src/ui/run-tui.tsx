/**
 * Starts the TUI on the process's terminal: the picker, or one lesson. The virtual clock
 * follows the wall clock from the first frame; `vi FILE` suspends ink while `$EDITOR` runs.
 * After leaving, one line says where the session was saved.
 */
import { render, type Instance } from 'ink';
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import { App } from './app.js';
import { LessonRuntime } from './lesson-runtime.js';
import { lessonLibrary, saveProgress, setAside, type LibraryEntry } from './lesson-library.js';
import { uiStrings } from './strings.js';
import { prepareWorkspace } from './workspace.js';

/** Options of the TUI. */
export interface TuiOptions {
  lang: Lang;
  /** Open this lesson at once; the picker otherwise. */
  scenario?: Scenario;
  seed?: number;
  /** The lesson folder: `--workdir`, else the lesson's folder under kubelab's home. */
  workdir?: string;
}

/** Runs the TUI until the student leaves; returns the exit status. */
export async function runTui(opts: TuiOptions): Promise<number> {
  let instance: Instance | undefined;
  let left: LessonRuntime | undefined;
  const startLesson = (scenario: Scenario, folder: string | undefined, lang: Lang): LessonRuntime => {
    const workdir = prepareWorkspace(scenario, folder);
    const runtime = new LessonRuntime({ scenario, workdir, lang, seed: opts.seed });
    runtime.suspend = (fn) => suspendInk(runtime, fn);
    saveProgress(runtime, workdir);
    // A workspace with a journal resumes: the replay shows on screen, then the clock runs.
    void runtime.resume().then(() => runtime.start());
    return runtime;
  };
  const first = opts.scenario ? startLesson(opts.scenario, opts.workdir, opts.lang) : undefined;
  const library = opts.scenario ? { entries: [], broken: [] } : lessonLibrary();
  const pick = (entry: LibraryEntry, fresh: boolean, lang: Lang): LessonRuntime => {
    if (fresh) setAside(entry.workdir);
    return startLesson(entry.scenario, entry.workdir, lang);
  };
  instance = render(
    <App
      lang={opts.lang}
      lessons={library.entries}
      broken={library.broken}
      runtime={first}
      startLesson={pick}
      onExit={(runtime) => {
        left = runtime;
        instance?.unmount();
      }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
  if (left) {
    left.stop();
    process.stdout.write(`${uiStrings(opts.lang).sessionSaved(left.recorder.file)}\n`);
  }
  return 0;
}

/**
 * Hands the terminal to a child (an editor) with raw mode off, then takes it back. The frame is
 * left as it is: vi, vim and nano draw on the alternate screen and restore ours when they exit.
 */
function suspendInk<T>(runtime: LessonRuntime, fn: () => T): T {
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(false);
  try {
    return fn();
  } finally {
    if (stdin.isTTY) stdin.setRawMode(true);
    runtime.refresh();
  }
}
