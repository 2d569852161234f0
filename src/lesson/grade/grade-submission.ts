/**
 * Grades one submission in the calling thread: read it, replay it in a fresh lesson, grade every
 * step. The worker pool runs this in worker threads; tests call it directly. It never throws:
 * a submission that cannot be read or replayed becomes an `error` report.
 */
import type { Scenario } from '../scenario-types.js';
import { gradeSteps } from './grade-steps.js';
import { replaySubmission, type ReplayOptions } from './replay.js';
import { errorReport, type SubmissionReport } from './report-types.js';
import { loadSubmission, type LoadedSubmission } from './submission.js';

/** Reads the submission at `path` and grades it. */
export async function gradeSubmissionPath(scenario: Scenario, path: string, opts: ReplayOptions = {}, name = path): Promise<SubmissionReport> {
  let loaded;
  try {
    loaded = loadSubmission(path, name);
  } catch (e) {
    return internal(name, e);
  }
  if (!loaded.ok) return errorReport(name, loaded.error, loaded.kind);
  return gradeSubmission(scenario, loaded.submission, opts);
}

/** Replays a loaded submission and grades it. */
export async function gradeSubmission(scenario: Scenario, submission: LoadedSubmission, opts: ReplayOptions = {}): Promise<SubmissionReport> {
  let replay;
  try {
    replay = await replaySubmission(scenario, submission.entries, submission.files, opts);
  } catch (e) {
    return internal(submission.name, e, submission.kind);
  }
  try {
    const steps = gradeSteps(scenario, replay);
    const meter = replay.lesson.meter;
    const score = steps.reduce((n, s) => n + s.score, 0);
    const maxScore = steps.reduce((n, s) => n + s.maxScore, 0);
    const passed = steps.every((s) => s.status === 'passed' || s.status === 'not-taken');
    return {
      name: submission.name,
      kind: submission.kind,
      status: passed ? 'passed' : 'failed',
      score,
      maxScore,
      steps,
      commands: replay.commands.length,
      virtualSeconds: Math.round((replay.lesson.cluster.clock.now() - replay.startedAt) / 1000),
      outputBytes: replay.outputBytes,
      ...(meter ? { downtime: { service: meter.service, namespace: meter.namespace, sent: meter.sent(), failed: meter.failures().length } } : {}),
      notes: [...submission.notes, ...replay.notes],
    };
  } catch (e) {
    return internal(submission.name, e, submission.kind);
  } finally {
    replay.lesson.stop();
  }
}

function internal(name: string, e: unknown, kind?: LoadedSubmission['kind']): SubmissionReport {
  const what = e instanceof Error ? e.message : String(e);
  return errorReport(name, { code: 'internal', message: { en: `kubelab failed while grading this submission: ${what}`, ko: `채점 중 kubelab 오류가 났습니다: ${what}` } }, kind);
}
