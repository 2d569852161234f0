/**
 * The grade report: what `kubelab grade` says about each submission, step by step. The JSON
 * format (`--format json`) is this shape serialised as is; docs/schemas/grade-report.schema.json
 * publishes it. Nothing in a report depends on wall-clock time, so grading the same submission
 * twice gives the same bytes.
 */
import type { Localized } from '../scenario-types.js';
import type { ShardInfo } from './shard.js';

/** The version of the report format; bumped when a field changes meaning. */
export const REPORT_FORMAT_VERSION = 1;

/** How a submission was given. */
export type SubmissionKind = 'script' | 'folder' | 'session';

/** Why a submission could not be graded (fully). */
export type SubmissionErrorCode =
  /** The submission path does not exist or cannot be read. */
  | 'unreadable'
  /** A folder without commands.sh or session.jsonl, or a file that is neither. */
  | 'no-commands'
  /** session.jsonl that is not one JSON object per line, or a script that is not text. */
  | 'malformed'
  /** A symbolic link or a path that leads outside the submission folder where one is needed. */
  | 'unsafe-path'
  /** More files, bytes or lines than the grader accepts. */
  | 'too-large'
  /** The per-submission wall-clock budget ran out; the worker was stopped. */
  | 'timed-out'
  /** A kubelab bug while grading this submission. */
  | 'internal';

/** A grading error with a sentence for the student. */
export interface SubmissionError {
  code: SubmissionErrorCode;
  message: Localized;
}

/** What became of one step. */
export type StepStatus =
  /** Its checks held (during the session while it was current, or at the end). */
  | 'passed'
  | 'failed'
  /** The student skipped it (a recorded TUI session). */
  | 'skipped'
  /** The step belongs to a branch of the lesson the student did not take; not scored. */
  | 'not-taken';

/** One step's result. */
export interface StepReport {
  id: string;
  title: Localized;
  status: StepStatus;
  /** One sentence a student can act on. */
  reason: Localized;
  score: number;
  maxScore: number;
  /** Hints the student asked for in this step (recorded sessions only). */
  hints: number;
}

/** The zero-downtime meter's record, when the scenario watches a Service. */
export interface DowntimeSummary {
  service: string;
  namespace: string;
  /** Requests sent, one a virtual second. */
  sent: number;
  failed: number;
}

/** One submission's result. */
export interface SubmissionReport {
  /** The submission path as given on the command line. */
  name: string;
  kind?: SubmissionKind;
  /** `error` when it could not be graded; the batch goes on. */
  status: 'passed' | 'failed' | 'error';
  error?: SubmissionError;
  score: number;
  maxScore: number;
  steps: StepReport[];
  /** Commands run (workstation and container shells). */
  commands: number;
  /** Virtual seconds the session lasted. */
  virtualSeconds: number;
  /** Bytes the commands printed (stdout and stderr). */
  outputBytes: number;
  downtime?: DowntimeSummary;
  /** Things the grader did not take as they were (a skipped symlink, an interrupted line...). */
  notes: Localized[];
}

/** The report of a whole `kubelab grade` run. */
export interface GradeReport {
  format: typeof REPORT_FORMAT_VERSION;
  scenario: { id: string; title: Localized };
  /** The seed every submission's cluster was made from. */
  seed: string;
  passed: boolean;
  summary: { submissions: number; passed: number; failed: number; errors: number };
  submissions: SubmissionReport[];
  /** Only in the report of one shard (`--shard I/N`); `kubelab grade merge` removes it. */
  shard?: ShardInfo;
}

/** A report for a submission that could not be graded. */
export function errorReport(name: string, error: SubmissionError, kind?: SubmissionKind): SubmissionReport {
  return { name, kind, status: 'error', error, score: 0, maxScore: 0, steps: [], commands: 0, virtualSeconds: 0, outputBytes: 0, notes: [] };
}

/** Puts submission reports together into the report of a run. */
export function batchReport(scenario: { id: string; title: Localized }, seed: string, submissions: SubmissionReport[]): GradeReport {
  const passed = submissions.filter((s) => s.status === 'passed').length;
  const errors = submissions.filter((s) => s.status === 'error').length;
  return {
    format: REPORT_FORMAT_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    seed,
    passed: passed === submissions.length && submissions.length > 0,
    summary: { submissions: submissions.length, passed, failed: submissions.length - passed - errors, errors },
    submissions,
  };
}
