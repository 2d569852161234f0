/**
 * Reads scenario files: YAML parsed with positions (eemeli/yaml and a LineCounter), walked
 * against the schema, then cross-checked as a whole (duplicate step ids, references to missing
 * steps, unreachable steps, meter checks without a watched Service). Built-in scenarios live
 * in the package's `scenarios/` folder, found relative to this file so it works from src/ and
 * from dist/ alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { didYouMean, sortProblems, type ScenarioProblem } from './scenario-problems.js';
import { SCENARIO } from './scenario-schema.js';
import { END, stepTargets, type Scenario } from './scenario-types.js';
import { ScenarioWalker, type Located } from './scenario-walker.js';

/** A scenario, or the problems that stopped it from loading. */
export interface LoadResult {
  /** Present only when there are no problems. */
  scenario?: Scenario;
  problems: ScenarioProblem[];
  /** Where each step's `solution` (or, without one, its `id`) is written, by step id. */
  solutionAt?: Record<string, { line: number; column: number }>;
}

/** Parses and validates the text of a scenario file. */
export function parseScenario(text: string): LoadResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  const walker = new ScenarioWalker(first ?? new Document(), lines);
  if (!Array.isArray(docs) || !first) {
    walker.report('wrong-type', undefined, 'expected a scenario (a map), got an empty file');
    return { problems: walker.problems };
  }
  if (docs.length > 1) walker.report('bad-value', docs[1].contents as Node, 'a scenario file holds one YAML document; remove the "---" line');
  for (const err of first.errors) {
    const [line, column] = err.linePos ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
    walker.problems.push({ code: 'yaml-syntax', line, column, message: firstLine(err.message) });
  }
  if (first.errors.length > 0) return { problems: sortProblems(walker.problems) };
  walker.walk(first.contents, SCENARIO, undefined);
  const stepIds = locateStepIds(first, walker);
  crossCheck(first, walker, stepIds);
  const structural = walker.problems.length === 0;
  const scenario = structural ? (first.toJS() as Scenario) : undefined;
  if (scenario) reportUnreachable(scenario, stepIds, walker);
  const problems = sortProblems(walker.problems);
  return problems.length === 0 ? { scenario, problems, solutionAt: locateSolutions(first, walker) } : { problems };
}

/** Reads and validates a scenario file; a file that cannot be read is one problem at 1:1. */
export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    return { problems: [{ code: 'bad-value', line: 1, column: 1, message: `cannot read the scenario: ${why}` }] };
  }
  return parseScenario(text);
}

/** The folder of built-in scenarios: `<package>/scenarios`, two levels above this file. */
export function builtinScenariosDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
}

/** One built-in scenario file and what loading it gave. */
export interface BuiltinScenario {
  file: string;
  result: LoadResult;
}

/** Every `*.yaml` in the built-in folder, sorted by file name. */
export function listBuiltinScenarios(dir = builtinScenariosDir()): BuiltinScenario[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ file: join(dir, n), result: loadScenarioFile(join(dir, n)) }));
}

/**
 * A scenario named by a path to a file, or else by the id of a built-in one. A built-in is
 * looked for first in `<id>.yaml` (every built-in is named so; test/lesson/builtin-file-names
 * checks it), which parses one file instead of all of them (~290 ms of a cold start for four);
 * other folders are searched whole.
 */
export function resolveScenario(idOrFile: string, dir = builtinScenariosDir()): { file: string; result: LoadResult } {
  if (isFile(idOrFile)) return { file: idOrFile, result: loadScenarioFile(idOrFile) };
  const named = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(idOrFile) ? join(dir, `${idOrFile}.yaml`) : undefined;
  if (named !== undefined && isFile(named)) {
    const result = loadScenarioFile(named);
    if (result.scenario?.id === idOrFile) return { file: named, result };
  }
  const builtin = listBuiltinScenarios(dir).find((b) => b.result.scenario?.id === idOrFile);
  if (builtin) return builtin;
  const ids = listBuiltinScenarios(dir).flatMap((b) => (b.result.scenario ? [b.result.scenario.id] : []));
  const message = `no scenario file or built-in scenario "${idOrFile}"${didYouMean(idOrFile, ids)}`;
  return { file: idOrFile, result: { problems: [{ code: 'bad-value', line: 1, column: 1, message }] } };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function locateStepIds(doc: Document, walker: ScenarioWalker): Located[] {
  const steps = isMap(doc.contents) ? doc.contents.get('steps', true) : undefined;
  if (!isSeq(steps)) return [];
  return steps.items.map((item) => {
    const idNode = isMap(item) ? (item.get('id', true) as Node | undefined) : undefined;
    const value = isScalar(idNode) && typeof idNode.value === 'string' ? idNode.value : '';
    return walker.locate(value, idNode ?? (item as Node));
  });
}

function locateSolutions(doc: Document, walker: ScenarioWalker): Record<string, { line: number; column: number }> {
  const out: Record<string, { line: number; column: number }> = {};
  const steps = isMap(doc.contents) ? doc.contents.get('steps', true) : undefined;
  for (const item of isSeq(steps) ? steps.items : []) {
    if (!isMap(item)) continue;
    const id = String((item.get('id', true) as { value?: unknown } | undefined)?.value ?? '');
    const key = item.items.find((p) => isScalar(p.key) && p.key.value === 'solution')?.key as Node | undefined;
    const { line, column } = walker.locate(id, key ?? (item.get('id', true) as Node));
    out[id] = { line, column };
  }
  return out;
}

function crossCheck(doc: Document, walker: ScenarioWalker, stepIds: Located[]): void {
  const firstAt = new Map<string, Located>();
  for (const id of stepIds) {
    if (id.value === '') continue;
    const earlier = firstAt.get(id.value);
    if (id.value === END) push(walker, 'bad-value', id, `"${END}" is reserved for finishing the lesson; choose another step id`);
    else if (earlier) push(walker, 'duplicate-step', id, `duplicate step id "${id.value}" (first used at line ${earlier.line})`);
    else firstAt.set(id.value, id);
  }
  const known = [...firstAt.keys()];
  for (const ref of walker.notes.refs) {
    if (ref.value === END || firstAt.has(ref.value)) continue;
    push(walker, 'missing-step', ref, `no step "${ref.value}" in this scenario${didYouMean(ref.value, [...known, END])}`);
  }
  const watched = isMap(doc.contents) && doc.contents.has('watch');
  if (!watched) {
    for (const m of walker.notes.meterChecks) {
      push(walker, 'needs-watch', m, `"${m.value}" needs the zero-downtime meter: name a Service under "watch:" at the top of the file`);
    }
  }
}

/** Steps no path from the first step leads to. */
function reportUnreachable(scenario: Scenario, stepIds: Located[], walker: ScenarioWalker): void {
  const index = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (const target of stepTargets(scenario, i)) {
      const j = index.get(target);
      if (j !== undefined && !reached.has(j)) {
        reached.add(j);
        queue.push(j);
      }
    }
  }
  scenario.steps.forEach((s, i) => {
    if (!reached.has(i)) push(walker, 'unreachable-step', stepIds[i], `step "${s.id}" cannot be reached: no "next" or branch leads to it from the first step`);
  });
}

function push(walker: ScenarioWalker, code: ScenarioProblem['code'], at: Located, message: string): void {
  walker.problems.push({ code, line: at.line, column: at.column, message });
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
