/** Helpers of the grader tests: built-in scenarios, reference solutions as scripts, submissions on disk. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gradeCommand } from '../../src/cli/grade-command.js';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';
import type { Scenario } from '../../src/lesson/scenario-types.js';
import { verifySolutions } from '../../src/lesson/verify-solutions.js';
import { parseTranscript } from '../../src/transcript/transcript.js';

/** A built-in scenario by id. */
export function builtin(id: string): Scenario {
  const s = resolveScenario(id).result.scenario;
  if (!s) throw new Error(`no built-in scenario ${id}`);
  return s;
}

/** The commands of the given steps' reference solutions, as a script. */
export function solutionOf(scenario: Scenario, stepIds: readonly string[]): string {
  const lines: string[] = [];
  for (const id of stepIds) {
    const step = scenario.steps.find((s) => s.id === id)!;
    for (const s of parseTranscript(step.solution ?? '').steps) lines.push(s.command);
  }
  return lines.join('\n') + '\n';
}

/** The reference solution along the path `validate` plays, as a script. */
export async function referenceScript(scenario: Scenario): Promise<string> {
  const report = await verifySolutions(scenario);
  return solutionOf(scenario, report.played);
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kubelab-grade-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → content) under `dir`, making folders; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Runs `kubelab grade ...argv` in process; its stdout, stderr and exit status. */
export async function grade(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const code = await gradeCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { out, err, code };
}
