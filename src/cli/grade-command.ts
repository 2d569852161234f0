/**
 * `kubelab grade --scenario ID|FILE [--format text|json|junit] [--lang en|ko] [--seed N]
 * [--jobs N] [--time-limit SECONDS] [--shard I/N] SUBMISSION...`: replays each submission in a
 * fresh cluster on worker threads and reports each step (src/lesson/grade/). A progress line goes
 * to stderr when it is a terminal. With `--shard I/N` only shard I's share of the submissions is
 * graded (src/lesson/grade/shard.ts) and an empty share is no failure; `kubelab grade merge`
 * (grade-merge-command.ts) puts the shards' JSON reports together. Exit status 0 only when every
 * submission passes; 1 otherwise; 2 for a usage mistake or a scenario that does not load.
 */
import { availableParallelism } from 'node:os';
import { formatJson, formatJunit, formatText } from '../lesson/grade/format-report.js';
import { batchReport } from '../lesson/grade/report-types.js';
import { parseShard, shardPositions, type ShardSpec } from '../lesson/grade/shard.js';
import { DEFAULT_WALL_BUDGET_MS, gradeInWorkers } from '../lesson/grade/worker-pool.js';
import { resolveScenario } from '../lesson/scenario-loader.js';
import { formatProblem } from '../lesson/scenario-problems.js';
import type { Lang } from '../lesson/scenario-types.js';
import { gradeMergeCommand } from './grade-merge-command.js';
import { PROCESS_IO, type CliIo } from './scenarios-command.js';
import { CliUsageError, parseCli } from './usage.js';

/** Where grade writes, and whether stderr is a terminal (for the progress line). */
export interface GradeIo extends CliIo {
  stderrIsTty?: boolean;
}

/** Runs `kubelab grade`; returns the exit status. */
export async function gradeCommand(argv: string[], io: GradeIo = { ...PROCESS_IO, stderrIsTty: process.stderr.isTTY === true }): Promise<number> {
  if (argv[0] === 'merge') return gradeMergeCommand(argv.slice(1), io);
  // A live cluster: the Kubernetes client is loaded only on this path.
  if (argv.some((a) => a === '--context' || a.startsWith('--context='))) return (await import('./grade-context-command.js')).gradeContextCommand(argv, io);
  const parsed = parseCli(argv, {
        scenario: { type: 'string' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'en' },
        seed: { type: 'string' },
        jobs: { type: 'string' },
        'time-limit': { type: 'string' },
        shard: { type: 'string' },
      });
  const { values, positionals } = parsed;
  if (values.scenario === undefined) throw new CliUsageError('grade needs --scenario ID|FILE');
  if (positionals.length === 0) throw new CliUsageError('grade needs at least one submission (a script, a folder, or a session.jsonl)');
  const format = values.format!;
  if (!['text', 'json', 'junit'].includes(format)) throw new CliUsageError(`--format must be text, json or junit, got "${format}"`);
  const lang = values.lang as Lang;
  if (lang !== 'en' && lang !== 'ko') throw new CliUsageError(`--lang must be en or ko, got "${values.lang}"`);
  if (values.seed !== undefined && !/^\d+$/.test(values.seed)) throw new CliUsageError(`--seed must be a whole number, got "${values.seed}"`);
  const jobs = values.jobs === undefined ? availableParallelism() : wholeNumber('--jobs', values.jobs);
  let shard: ShardSpec | undefined;
  if (values.shard !== undefined) {
    const parsedShard = parseShard(values.shard);
    if ('problem' in parsedShard) throw new CliUsageError(parsedShard.problem);
    shard = parsedShard;
  }
  const limitMs = values['time-limit'] === undefined ? DEFAULT_WALL_BUDGET_MS : wholeNumber('--time-limit', values['time-limit']) * 1000;

  const { file, result } = resolveScenario(values.scenario);
  if (!result.scenario) {
    for (const p of result.problems) io.stderr(`${formatProblem(file, p)}\n`);
    return 2;
  }
  const scenario = result.scenario;
  const seed = values.seed ?? String(scenario.seed ?? 1);
  const seedValue = values.seed !== undefined ? Number(values.seed) : (scenario.seed ?? 1);
  const progress = io.stderrIsTty === true;
  const positions = shard ? shardPositions(positionals, shard) : positionals.map((_, i) => i);
  const paths = positions.map((i) => positionals[i]);
  let failed = 0;
  const reports = await gradeInWorkers(scenario, paths, paths, {
    jobs,
    wallBudgetMs: limitMs,
    opts: { seed: seedValue },
    onProgress: progress
      ? (done, total, r) => {
          if (r.status !== 'passed') failed++;
          io.stderr(`\r\x1b[Kgraded ${done}/${total} (${failed} not passed)`);
          if (done === total) io.stderr('\r\x1b[K');
        }
      : undefined,
  });
  const report = batchReport(scenario, seed, reports);
  if (shard) report.shard = { ...shard, total: positionals.length, positions };
  io.stdout(format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report, lang) : formatText(report, lang));
  if (shard) return report.summary.passed === report.summary.submissions ? 0 : 1;
  return report.passed ? 0 : 1;
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliUsageError(`${flag} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}
