/** Runs a utility over a memory workspace, and the real GNU tool over the same files as an oracle. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cluster } from '../../../src/cluster/cluster.js';
import type { CommandContext, ShellPlace, ShellSession } from '../../../src/shell/types.js';
import { UTILITIES } from '../../../src/shell/utils/index.js';
import { MemoryFs } from '../../../src/workspace/memory-fs.js';

/** What a run printed and returned. */
export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Options of one simulated run. */
export interface RunOptions {
  stdin?: string;
  files?: Record<string, string>;
  dirs?: string[];
  fs?: MemoryFs;
  place?: ShellPlace;
  env?: Map<string, string>;
  now?: number;
  maxFileBytes?: number;
  signal?: AbortSignal;
}

/** Runs `argv` with kubelab's utility. */
export async function sim(argv: string[], opts: RunOptions = {}): Promise<RunResult & { fs: MemoryFs }> {
  const fs = opts.fs ?? new MemoryFs(opts.files ?? {});
  for (const d of opts.dirs ?? []) fs.mkdir(d, true);
  let stdout = '';
  let stderr = '';
  const fn = UTILITIES[argv[0]];
  if (!fn) throw new Error(`no utility ${argv[0]}`);
  const ctx: CommandContext = {
    name: argv[0],
    args: argv.slice(1),
    stdin: opts.stdin ?? '',
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: opts.env ?? new Map([['HOME', '/root'], ['PATH', '/usr/bin:/bin']]),
    fs,
    cluster: {} as Cluster,
    place: opts.place ?? { kind: 'workstation' },
    time: { now: () => opts.now ?? Date.UTC(2025, 7, 19, 9, 0, 10), sleep: async () => {} },
    signal: opts.signal ?? new AbortController().signal,
    session: {} as ShellSession,
    limits: {
      maxCommands: 1000, maxIterationsWithoutTime: 1000, maxOutputBytes: 1 << 20, maxDepth: 50,
      maxFileBytes: opts.maxFileBytes ?? 1 << 20,
    },
  };
  const code = await fn(ctx);
  return { stdout, stderr, code, fs };
}

/** A busybox container place. */
export const BUSYBOX: ShellPlace = { kind: 'container', namespace: 'default', pod: 'p', container: 'c', image: 'busybox:1.36' };

/** True when the real tool exists on this machine. */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Runs the real tool in a fresh temporary folder holding `files`, in the C.UTF-8 locale. */
export function real(argv: string[], opts: RunOptions = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-oracle-'));
  for (const d of opts.dirs ?? []) mkdirSync(join(dir, d), { recursive: true });
  for (const [p, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: dir,
    input: opts.stdin ?? '',
    env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8', TZ: 'UTC' },
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** Runs both and returns them for comparison (stdout, stderr and status). */
export async function both(argv: string[], opts: RunOptions = {}): Promise<{ sim: RunResult; real: RunResult }> {
  const s = await sim(argv, opts);
  return { sim: { stdout: s.stdout, stderr: s.stderr, code: s.code }, real: real(argv, opts) };
}
