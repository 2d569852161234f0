/**
 * Replays a submission in a fresh lesson: the cluster from the scenario's seed (or the grader's
 * `--seed`), a memory workspace with the scenario's files and then the submission's, the
 * zero-downtime meter watching, and kubelab's terminal session as `kubelab run` drives it (the
 * same think time before each command, the same shell limits, `sleep` and `rollout status`
 * moving the virtual clock). Every command that ran is reported to the lesson, so its machine
 * moves through the steps as it would in the TUI. Output is counted, not kept.
 */
import { DEFAULT_THINK_MS } from '../../session/run-session.js';
import { DEFAULT_SHELL_LIMITS, TerminalSession } from '../../shell/session.js';
import type { ShellLimits } from '../../shell/types.js';
import { MemoryFs } from '../../workspace/memory-fs.js';
import { LessonSession } from '../lesson-session.js';
import type { Localized, Scenario } from '../scenario-types.js';
import type { SessionEntry } from './session-jsonl.js';
import { StepTracker } from './step-tracker.js';

/** Virtual time a whole submission may take before the rest of it is not replayed: 4 hours. */
export const MAX_SESSION_VIRTUAL_MS = 4 * 60 * 60 * 1000;

/** Options of a replay. */
export interface ReplayOptions {
  seed?: string | number;
  thinkMs?: number;
  limits?: Partial<ShellLimits>;
}

/** One command as it ran. */
export interface CommandRecord {
  command: string;
  /** Virtual ms when it started. */
  at: number;
  status: number;
}

/** What the replay leaves for grading. */
export interface ReplayResult {
  lesson: LessonSession;
  commands: CommandRecord[];
  startedAt: number;
  outputBytes: number;
  notes: Localized[];
  /** For each step the machine completed, the index in `commands` of the command that did it. */
  completedBy: Record<string, number>;
  /** Every step's checks, followed command by command. */
  tracker: StepTracker;
}

/** Replays `entries` with `files` on top of the scenario's; the lesson is left running for grading. */
export async function replaySubmission(
  scenario: Scenario,
  entries: readonly SessionEntry[],
  files: Record<string, Uint8Array>,
  opts: ReplayOptions = {},
): Promise<ReplayResult> {
  const fs = new MemoryFs({ ...(scenario.files ?? {}), ...files });
  const lesson = new LessonSession(scenario, { seed: opts.seed, fs });
  const cluster = lesson.cluster;
  const startedAt = cluster.clock.now();
  const think = opts.thinkMs ?? DEFAULT_THINK_MS;
  let outputBytes = 0;
  let interrupted = 0;
  const limitsHit: string[] = [];
  const stdout = (t: string): void => {
    outputBytes += Buffer.byteLength(t);
    if (t.endsWith('^C\n')) interrupted++;
  };
  const stderr = (t: string): void => {
    outputBytes += Buffer.byteLength(t);
    const limit = /kubelab limit: (.*)\n$/.exec(t);
    if (limit) limitsHit.push(limit[1]);
  };
  const limits = { ...DEFAULT_SHELL_LIMITS, ...opts.limits };
  const session = new TerminalSession({ cluster, fs, stdout, stderr, limits });
  const commands: CommandRecord[] = [];
  const notes: Localized[] = [];
  let at = startedAt;
  const completedBy: Record<string, number> = {};
  const tracker = new StepTracker(scenario);
  const ran = (command: string, status: number): void => {
    commands.push({ command, at, status });
    const before = lesson.step;
    if (lesson.commandRan(command) !== before) completedBy[before] = commands.length - 1;
    tracker.observe(lesson, commands.length - 1);
  };
  for (const entry of entries) {
    if (session.exited) break;
    if (cluster.clock.now() - startedAt > MAX_SESSION_VIRTUAL_MS) {
      notes.push({
        en: 'The session ran for more than 4 hours of virtual time; the rest of it was not replayed.',
        ko: '세션이 가상 시간으로 4시간을 넘어서 나머지는 재생하지 않았습니다.',
      });
      break;
    }
    await session.ready();
    const pending = session.pending();
    if ('event' in entry) {
      moveClock(entry.at);
      if (entry.event === 'hint') lesson.hint();
      else lesson.skip();
      continue;
    }
    if (!pending) {
      if (entry.line.trim() === '' || entry.line.trimStart().startsWith('#')) continue;
      moveClock(entry.at);
      at = cluster.clock.now();
    }
    const r = await session.feed(entry.line);
    if (r.kind === 'ran') ran(r.command, r.status);
  }
  const end = await session.finish();
  if (end?.kind === 'ran') ran(end.command, end.status);
  if (interrupted > 0) {
    const budget = `${(limits.lineBudgetMs ?? 0) / 1000}s`;
    notes.push({
      en: `${interrupted} command(s) ran past the ${budget} virtual time budget of a line and were interrupted as if by Ctrl-C.`,
      ko: `명령 ${interrupted}개가 한 줄에 주어진 가상 시간 ${budget}를 넘겨 Ctrl-C 를 누른 것처럼 중단되었습니다.`,
    });
  }
  if (limitsHit.length > 0) {
    notes.push({
      en: `${limitsHit.length} command(s) were stopped by a kubelab limit, the first: ${limitsHit[0]}.`,
      ko: `명령 ${limitsHit.length}개가 kubelab 의 제한에 걸려 멈췄습니다. 첫 번째: ${limitsHit[0]}.`,
    });
  }
  return { lesson, commands, startedAt, outputBytes, notes, completedBy, tracker };

  /** Before an entry: to its recorded time (never backwards), else by the think time. */
  function moveClock(recorded: number | undefined): void {
    if (recorded === undefined) cluster.advance(think);
    else {
      // The TUI records the clock's own reading (virtual ms since the epoch, at least the
      // session's start); a smaller value is read as ms since the session started.
      const target = recorded >= startedAt ? recorded : startedAt + recorded;
      if (target > cluster.clock.now()) cluster.advance(target - cluster.clock.now());
    }
  }
}
