/**
 * The lessons a student has: the built-in scenarios and local scenario files (the current
 * folder and its `scenarios/` folder), each with the folder it is worked in and the progress
 * saved there. Lesson folders live under kubelab's home (`KUBELAB_HOME`, else
 * `$XDG_DATA_HOME/kubelab`, else `~/.local/share/kubelab`), one per lesson, so that opening a
 * lesson again resumes it from its journal, and the picker can say how far each one got.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinScenariosDir, listBuiltinScenarios, loadScenarioFile } from '../lesson/scenario-loader.js';
import type { Scenario } from '../lesson/scenario-types.js';

/** The progress file a lesson folder keeps (a dotfile: `ls` in the lesson does not show it). */
export const PROGRESS_FILE = '.kubelab-progress.json';

/** How far a lesson got, as saved in its folder. */
export interface LessonProgress {
  completed: string[];
  skipped: string[];
  stepCount: number;
  finished: boolean;
}

/** A lesson the picker offers. */
export interface LibraryEntry {
  scenario: Scenario;
  /** `builtin`, or the scenario file's path as the student would type it. */
  source: 'builtin' | string;
  /** The folder the lesson is worked in. */
  workdir: string;
  progress?: LessonProgress;
}

/** A local file that looks like a scenario but does not load. */
export interface BrokenScenario {
  file: string;
  problems: number;
  first: string;
}

/** kubelab's home folder for lesson folders. */
export function kubelabHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KUBELAB_HOME) return path.resolve(env.KUBELAB_HOME);
  const data = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(data, 'kubelab');
}

/** The folder a lesson is worked in by default: by id for built-ins, by id and path for files. */
export function defaultWorkdir(scenario: Scenario, file: string | undefined, home = kubelabHome()): string {
  if (file === undefined) return path.join(home, 'lessons', scenario.id);
  const digest = createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 8);
  return path.join(home, 'lessons', `${scenario.id}-${digest}`);
}

/** Reads the progress saved in a lesson folder; undefined when there is none or it is unreadable. */
export function readProgress(workdir: string): LessonProgress | undefined {
  try {
    const p = JSON.parse(fs.readFileSync(path.join(workdir, PROGRESS_FILE), 'utf8')) as Partial<LessonProgress>;
    if (!Array.isArray(p.completed) || typeof p.stepCount !== 'number') return undefined;
    return { completed: p.completed.map(String), skipped: Array.isArray(p.skipped) ? p.skipped.map(String) : [], stepCount: p.stepCount, finished: p.finished === true };
  } catch {
    return undefined;
  }
}

/** Saves a lesson's progress in its folder (written whole, then renamed over the old one). */
export function writeProgress(workdir: string, progress: LessonProgress): void {
  const file = path.join(workdir, PROGRESS_FILE);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(progress)}\n`);
  fs.renameSync(tmp, file);
}

/** What `saveProgress` reads of a lesson runtime. */
export interface ProgressSource {
  subscribe(listener: () => void): () => void;
  snapshot(): { completed: readonly string[]; skipped: readonly string[]; stepCount: number; finished: boolean };
}

/** Keeps a lesson folder's progress file up to date as steps are completed or skipped. */
export function saveProgress(runtime: ProgressSource, workdir: string): () => void {
  let last = '';
  const save = (): void => {
    const s = runtime.snapshot();
    const progress: LessonProgress = { completed: [...s.completed], skipped: [...s.skipped], stepCount: s.stepCount, finished: s.finished };
    const text = JSON.stringify(progress);
    if (text === last) return;
    last = text;
    try {
      writeProgress(workdir, progress);
    } catch {
      // The picker's progress is a convenience; the journal is what keeps the work.
    }
  };
  return runtime.subscribe(save);
}

/**
 * Moves a lesson folder aside so the lesson starts afresh: `<folder>.1`, `.2`, ... (nothing is
 * deleted). Returns the new name of the old folder, or undefined when there was none.
 */
export function setAside(workdir: string): string | undefined {
  if (!fs.existsSync(workdir)) return undefined;
  for (let n = 1; ; n++) {
    const target = `${workdir}.${n}`;
    if (fs.existsSync(target)) continue;
    fs.renameSync(workdir, target);
    return target;
  }
}

/** The most local files read when looking for scenarios, and the largest one. */
const MAX_LOCAL_FILES = 50;
const MAX_LOCAL_BYTES = 1024 * 1024;

/**
 * Scenario files in `dir` and `dir/scenarios`: YAML files with top-level `steps:`. Files that
 * load are lessons; the others are reported with their first problem (for `kubelab validate`).
 */
export function localScenarios(dir: string): { found: { file: string; scenario: Scenario }[]; broken: BrokenScenario[] } {
  const found: { file: string; scenario: Scenario }[] = [];
  const broken: BrokenScenario[] = [];
  const builtin = path.resolve(builtinScenariosDir());
  const files: string[] = [];
  for (const folder of [dir, path.join(dir, 'scenarios')]) {
    if (path.resolve(folder) === builtin) continue;
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      continue;
    }
    for (const n of names) files.push(path.join(folder, n));
  }
  for (const file of files.slice(0, MAX_LOCAL_FILES)) {
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_LOCAL_BYTES) continue;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/^steps\s*:/m.test(text)) continue; // a manifest, not a scenario
    const shown = path.relative(dir, file) || file;
    const result = loadScenarioFile(file);
    if (result.scenario) found.push({ file: shown, scenario: result.scenario });
    else broken.push({ file: shown, problems: result.problems.length, first: `${result.problems[0]?.line}:${result.problems[0]?.column}: ${result.problems[0]?.message}` });
  }
  return { found, broken };
}

/** Every lesson the picker offers: built-ins sorted by id, then local files; with progress. */
export function lessonLibrary(opts: { cwd?: string; home?: string; builtinDir?: string } = {}): { entries: LibraryEntry[]; broken: BrokenScenario[] } {
  const home = opts.home ?? kubelabHome();
  const builtins = listBuiltinScenarios(opts.builtinDir)
    .flatMap((b) => (b.result.scenario ? [b.result.scenario] : []))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries: LibraryEntry[] = builtins.map((scenario) => {
    const workdir = defaultWorkdir(scenario, undefined, home);
    return { scenario, source: 'builtin', workdir, progress: readProgress(workdir) };
  });
  const local = localScenarios(opts.cwd ?? process.cwd());
  for (const { file, scenario } of local.found) {
    const workdir = defaultWorkdir(scenario, path.resolve(opts.cwd ?? process.cwd(), file), home);
    entries.push({ scenario, source: file, workdir, progress: readProgress(workdir) });
  }
  return { entries, broken: local.broken };
}
