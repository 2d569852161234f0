/**
 * Problems found in a scenario file: data with a code and a position (after eemeli/yaml's
 * errors), made into `file:line:column: message` only at the edge.
 */
import { levenshtein } from '../kubectl/suggest.js';

/** What kind of problem; tests assert on these, not on the prose. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'unknown-field'
  | 'wrong-type'
  | 'missing-field'
  | 'bad-value'
  | 'unknown-check'
  | 'duplicate-step'
  | 'missing-step'
  | 'unreachable-step'
  | 'needs-watch'
  | 'solution-fails';

/** One problem, 1-based line and column. */
export interface ScenarioProblem {
  code: ProblemCode;
  line: number;
  column: number;
  message: string;
}

/** `file:line:column: message`, as compilers and kubectl print positions. */
export function formatProblem(file: string, p: ScenarioProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.message}`;
}

/** Sorts problems by position, then code, so reports are stable. */
export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The closest of `names` to what was typed, for "did you mean": distance at most 2 (or a third
 * of the length for long names), or the same letters in another case; undefined if none.
 */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const n of names) {
    const d = levenshtein(typed, n);
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(typed.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(typed: string, names: readonly string[]): string {
  const near = closestName(typed, names);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}
