/**
 * `kubelab lesson ID --context NAME`: the lesson screen on a real cluster. The lesson's
 * namespace is made before the first frame (a cluster that cannot be used is said plainly and
 * nothing is drawn); it is deleted when the student leaves (Ctrl-D), and also when kubelab is
 * told to stop (SIGINT, SIGTERM, SIGHUP: the running line is interrupted first). After leaving,
 * lines say where the session was saved and that the namespace is gone.
 */
import { render, type Instance } from 'ink';
import type { Lang, Scenario } from '../lesson/scenario-types.js';
import { RealClusterError } from '../realcluster/kube-api.js';
import { RealLesson } from '../realcluster/real-lesson.js';
import { LessonScreen } from './lesson-screen.js';
import { RealLessonRuntime } from './real-lesson-runtime.js';
import { realStrings } from './real-strings.js';
import { uiStrings } from './strings.js';

/** Options of the lesson screen on a real cluster. */
export interface RealTuiOptions {
  scenario: Scenario;
  lang: Lang;
  /** The kubeconfig context. */
  context: string;
  /** The kubeconfig file (default: KUBECONFIG, then ~/.kube/config). */
  kubeconfig?: string;
  /** The folder the lines run in. */
  workdir: string;
}

/** Signals that end the lesson, with the exit status each gives (128 + its number). */
const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** Runs the lesson screen on a real cluster until the student leaves; returns the exit status. */
export async function runRealTui(opts: RealTuiOptions): Promise<number> {
  let lesson: RealLesson;
  try {
    lesson = await RealLesson.start(opts.scenario, { context: opts.context, kubeconfig: opts.kubeconfig, workdir: opts.workdir });
  } catch (e) {
    if (!(e instanceof RealClusterError)) throw e;
    process.stderr.write(`kubelab lesson: ${e.message}\n`);
    return 2;
  }
  const runtime = new RealLessonRuntime({ lesson, context: opts.context, workdir: opts.workdir, lang: opts.lang });
  let instance: Instance | undefined;
  let status = 0;
  const handlers = Object.entries(STOP_SIGNALS).map(([signal, code]) => {
    const handler = (): void => {
      status = code;
      runtime.interrupt();
      instance?.unmount();
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    instance = render(<LessonScreen runtime={runtime} onExit={() => instance?.unmount()} />, { exitOnCtrlC: false, patchConsole: false });
    runtime.start();
    await instance.waitUntilExit();
  } finally {
    runtime.stop();
    const real = realStrings(runtime.lang);
    process.stdout.write(`${uiStrings(runtime.lang).sessionSaved(runtime.recorder.file)}\n${real.deleting(lesson.namespace)}\n`);
    try {
      await lesson.finish();
      process.stdout.write(`${real.deleted(lesson.namespace)}\n`);
    } catch (e) {
      process.stderr.write(`kubelab lesson: ${(e as Error).message}\n`);
      status ||= 1;
    }
    for (const off of handlers) off();
  }
  return status;
}
