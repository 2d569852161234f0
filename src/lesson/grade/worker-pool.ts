/**
 * Grades many submissions in parallel on worker threads, one submission per worker at a time.
 * Each submission gets a wall-clock budget (startWallBudget in src/cluster/clock.ts); a worker that overruns it is
 * terminated and replaced, and the submission is reported as timed out. A worker that dies
 * (out of memory, a crash) costs only its own submission. Reports come back in the order the
 * submissions were given, whatever order they finish in.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario-types.js';
import type { ReplayOptions } from './replay.js';
import { errorReport, type SubmissionReport } from './report-types.js';
import { startWallBudget, type WallBudget } from '../../cluster/clock.js';

/** One submission sent to a worker. */
export interface WorkerTask {
  id: number;
  scenario: Scenario;
  path: string;
  name: string;
  opts: ReplayOptions;
}

/** A worker's answer. */
export interface WorkerReply {
  id: number;
  report: SubmissionReport;
}

/** Default wall-clock budget of one submission: 60 s. */
export const DEFAULT_WALL_BUDGET_MS = 60_000;

/** Options of a pooled grading run. */
export interface PoolOptions {
  /** Worker threads (default: the number of CPUs). */
  jobs?: number;
  /** Real ms one submission may take (default 60 s). */
  wallBudgetMs?: number;
  opts?: ReplayOptions;
  /** Called after each submission with how many are done. */
  onProgress?(done: number, total: number, report: SubmissionReport): void;
  /** The worker script (default: grade-worker.js beside this module, or in dist/ when run from sources). */
  workerFile?: string;
  /** Heap limit of a worker, in MiB (default 1024). */
  maxHeapMb?: number;
}

/** Grades `paths` (shown as `names`) against `scenario` on worker threads. */
export function gradeInWorkers(scenario: Scenario, paths: readonly string[], names: readonly string[] = paths, pool: PoolOptions = {}): Promise<SubmissionReport[]> {
  const total = paths.length;
  const reports: SubmissionReport[] = new Array(total);
  const budgetMs = pool.wallBudgetMs ?? DEFAULT_WALL_BUDGET_MS;
  const jobs = Math.max(1, Math.min(pool.jobs ?? availableParallelism(), total));
  const file = pool.workerFile ?? defaultWorkerFile();
  let next = 0;
  let done = 0;
  return new Promise((resolveAll) => {
    if (total === 0) return resolveAll([]);
    const finish = (id: number, report: SubmissionReport): void => {
      reports[id] = report;
      done++;
      pool.onProgress?.(done, total, report);
      if (done === total) resolveAll(reports);
    };
    const startWorker = (): void => {
      if (next >= total) return;
      const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: pool.maxHeapMb ?? 1024 } });
      let current: { id: number; budget: WallBudget } | undefined;
      const give = (): void => {
        if (next >= total) {
          current = undefined;
          void worker.terminate();
          return;
        }
        const id = next++;
        const budget = startWallBudget(budgetMs, () => {
          // The submission overran: stop the thread, report it, go on with a fresh worker.
          current = undefined;
          void worker.terminate();
          finish(id, timedOut(names[id], budgetMs));
          startWorker();
        });
        current = { id, budget };
        const task: WorkerTask = { id, scenario, path: paths[id], name: names[id], opts: pool.opts ?? {} };
        worker.postMessage(task);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (!current || current.id !== reply.id) return;
        current.budget.cancel();
        current = undefined;
        finish(reply.id, reply.report);
        give();
      });
      const lost = (why: string): void => {
        if (!current) return;
        const { id, budget } = current;
        budget.cancel();
        current = undefined;
        finish(id, errorReport(names[id], { code: 'internal', message: { en: `The grading worker stopped: ${why}`, ko: `채점 작업 스레드가 멈췄습니다: ${why}` } }));
        startWorker();
      };
      worker.on('error', (e) => lost(e.message));
      worker.on('exit', (code) => lost(`exit code ${code}`));
      give();
    };
    for (let i = 0; i < jobs; i++) startWorker();
  });
}

function timedOut(name: string, ms: number): SubmissionReport {
  const s = Math.round(ms / 1000);
  return errorReport(name, {
    code: 'timed-out',
    message: { en: `Grading took longer than ${s}s of real time and was stopped.`, ko: `채점이 실제 시간으로 ${s}초를 넘겨 중단했습니다.` },
  });
}

/**
 * The worker script: grade-worker.js beside this module (tsc's dist/), or in dist/lesson/grade/
 * when this code sits in a bundle chunk in dist/cli/ (scripts/bundle.mjs), or dist's copy when
 * running from src/ (tests).
 */
function defaultWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, 'grade-worker.js'), resolve(here, '..', 'lesson', 'grade', 'grade-worker.js')];
  return candidates.find((f) => existsSync(f)) ?? resolve(here, '..', '..', '..', 'dist', 'lesson', 'grade', 'grade-worker.js');
}
