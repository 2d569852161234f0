/**
 * `kubelab` (the lesson picker), `kubelab lesson <id|file> [--lang ko|en] [--seed N]
 * [--workdir DIR]` and `kubelab lesson <id|file> --context NAME [--kubeconfig FILE]
 * [--workdir DIR]` (on a real cluster, src/ui/run-real-tui.tsx): the terminal UI. Arguments are checked here; ink and react are loaded
 * only once a lesson is really about to start (a dynamic import), so headless commands never
 * pay for them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinScenariosDir, resolveScenario } from '../lesson/scenario-loader.js';
import type { Lang } from '../lesson/scenario-types.js';
import { defaultWorkdir } from '../ui/lesson-library.js';
import { localeLang } from '../ui/strings.js';
import { CliUsageError, parseCli } from './usage.js';

/** Parses `--lang`; the locale's language (Korean for LANG=ko*) by default. */
function langOf(value: string | undefined): Lang {
  if (value === undefined) return localeLang();
  if (value === 'en' || value === 'ko') return value;
  throw new CliUsageError(`--lang must be ko or en, got "${value}"`);
}

/**
 * Loads the UI so that ink draws every frame. ink reads CI and CONTINUOUS_INTEGRATION once,
 * when it is loaded (its is-in-ci check), and then writes only the last frame at exit, which
 * leaves a student in a CI-flagged terminal (some containers and hosted shells set CI) with a
 * blank screen. We get here only with a terminal on both ends, so the two variables are hidden
 * while ink loads and put back at once for the commands the student runs.
 */
async function importTuiWithLiveFrames<T>(load: () => Promise<T>): Promise<T> {
  const names = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
  const saved = names.map((name) => process.env[name]);
  for (const name of names) delete process.env[name];
  try {
    return await load();
  } finally {
    names.forEach((name, i) => {
      if (saved[i] !== undefined) process.env[name] = saved[i];
    });
  }
}

/** Runs `kubelab lesson ...` (argv after `lesson`), or the picker when `picker` is set. */
export async function lessonCommand(argv: string[], picker = false): Promise<number> {
  const parsed = parseCli(argv, { lang: { type: 'string' }, seed: { type: 'string' }, workdir: { type: 'string' }, context: { type: 'string' }, kubeconfig: { type: 'string' } });
  const { values, positionals } = parsed;
  const lang = langOf(values.lang);
  if (picker && positionals.length > 0) throw new CliUsageError(`unknown command "${positionals[0]}"`);
  if (!picker && positionals.length !== 1) throw new CliUsageError('lesson takes one scenario: a built-in id (see "kubelab scenarios") or a file');
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) throw new CliUsageError(`--seed must be a whole number, got "${values.seed}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (values.context !== undefined) {
    if (picker || positionals.length !== 1) throw new CliUsageError('lesson --context takes one scenario: a built-in id (see "kubelab scenarios") or a file');
    if (values.seed !== undefined) throw new CliUsageError('--seed has no meaning on a real cluster: its names and addresses are its own');
    return realLesson(positionals[0], values.context, values.kubeconfig, values.workdir, lang);
  }
  if (values.kubeconfig !== undefined) throw new CliUsageError('--kubeconfig goes with --context NAME (a lesson on a real cluster)');
  let scenario;
  let workdir = values.workdir;
  if (!picker) {
    const { file, result } = resolveScenario(positionals[0]);
    if (!result.scenario) {
      for (const p of result.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
      return 1;
    }
    scenario = result.scenario;
    // Without --workdir a lesson has its own folder under kubelab's home, so opening it again resumes it.
    const builtin = path.dirname(path.resolve(file)) === path.resolve(builtinScenariosDir());
    workdir ??= defaultWorkdir(scenario, builtin ? undefined : file);
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('kubelab: the lesson screen needs a terminal; to run commands from a script, use "kubelab run".\n');
    return 2;
  }
  const { runTui } = await importTuiWithLiveFrames(() => import('../ui/run-tui.js'));
  return runTui({ lang, scenario, seed, workdir });
}

/**
 * The lesson screen on a real cluster. Without --workdir the lines run in a fresh temporary
 * folder (as `kubelab run --context`): the simulator's lesson folder holds a journal of another
 * cluster, which must not be mixed with this one.
 */
async function realLesson(id: string, context: string, kubeconfig: string | undefined, workdir: string | undefined, lang: Lang): Promise<number> {
  const { file, result } = resolveScenario(id);
  if (!result.scenario) {
    for (const p of result.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
    return 1;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('kubelab: the lesson screen needs a terminal; to run a lesson on a real cluster from a script, use "kubelab run --context NAME --lesson ID SCRIPT".\n');
    return 2;
  }
  const folder = workdir ?? mkdtempSync(path.join(tmpdir(), `kubelab-${result.scenario.id}-`));
  const { runRealTui } = await importTuiWithLiveFrames(() => import('../ui/run-real-tui.js'));
  return runRealTui({ scenario: result.scenario, lang, context, kubeconfig, workdir: folder });
}
