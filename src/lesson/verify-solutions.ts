/**
 * Plays each step's reference solution through kubelab's shell, in one lesson session, and
 * reports a step whose checks do not hold after its own solution (`validate` shows these at
 * the step's `solution:` line). It follows the path the machine takes: where a step branches,
 * only the branch the solution leads to is played; steps after a step without a solution are
 * not played.
 */
import { runSession } from '../session/run-session.js';
import { parseTranscript } from '../transcript/transcript.js';
import { LessonSession } from './lesson-session.js';
import type { ScenarioProblem } from './scenario-problems.js';
import { END, type Scenario } from './scenario-types.js';

/** What playing the solutions showed. */
export interface SolutionReport {
  problems: ScenarioProblem[];
  /** Step ids whose solution was played, in order. */
  played: string[];
  /** The step where playing stopped because it has no solution, if any. */
  stoppedAt?: string;
}

/** Plays the solutions of `scenario`; `at` gives each step's position for problems. */
export async function verifySolutions(scenario: Scenario, at: Record<string, { line: number; column: number }> = {}): Promise<SolutionReport> {
  const lesson = new LessonSession(scenario);
  const report: SolutionReport = { problems: [], played: [] };
  try {
    // A step can be visited at most once per walk; more would be a loop in the solutions.
    for (let guard = 0; guard <= scenario.steps.length && !lesson.finished; guard++) {
      const step = lesson.currentStep()!;
      if (step.solution === undefined) {
        report.stoppedAt = step.id;
        break;
      }
      const commands = parseTranscript(step.solution).steps.map((s) => s.command);
      report.played.push(step.id);
      let output = '';
      await runSession(commands, {
        cluster: lesson.cluster,
        fs: lesson.fs,
        stdout: (t) => (output += t),
        stderr: (t) => (output += t),
        onExit: (i) => void lesson.commandRan(commands[i] ?? ''),
      });
      if (lesson.step === step.id) {
        const why = lesson.evaluateStep(step.id).reason.en;
        const pos = at[step.id] ?? { line: 1, column: 1 };
        const message = `the solution of step "${step.id}" does not pass its own checks: ${why}${lastLines(output)}`;
        report.problems.push({ code: 'solution-fails', ...pos, message });
        break;
      }
    }
  } finally {
    lesson.stop();
  }
  if (!lesson.finished && report.problems.length === 0 && report.stoppedAt === undefined && lesson.step !== END) {
    report.problems.push({ code: 'solution-fails', line: 1, column: 1, message: 'the solutions go round in a loop and never finish the lesson' });
  }
  return report;
}

function lastLines(output: string): string {
  const lines = output.trimEnd().split('\n').filter((l) => l !== '');
  if (lines.length === 0) return '';
  return ` (last output: ${lines.slice(-2).join(' | ')})`;
}
