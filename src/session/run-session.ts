/**
 * Runs what a student typed, one line after another, against one cluster, as `kubelab run`
 * and transcript tests do. Before each command the virtual clock advances by the think time
 * (default 10 s: long enough for a pulled image to start, as when a person types). Until the
 * shell lands (src/shell), a line holds one kubectl command; anything else is refused plainly.
 */
import { Cluster } from '../cluster/cluster.js';
import { splitWords, SplitError } from '../cli/split-words.js';
import { DEFAULT_WATCH_BUDGET_MS } from '../kubectl/context.js';
import { runKubectl } from '../kubectl/kubectl.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';

/** Default virtual seconds between two typed commands. */
export const DEFAULT_THINK_MS = 10_000;

/** Options of a session run. */
export interface SessionOptions {
  seed?: string | number;
  fs: WorkspaceFs;
  /** Virtual ms the clock advances before each command. */
  thinkMs?: number;
  /** Print each command as `$ command` before its output. */
  echo?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Called before each command with its index and text (transcripts split output here). */
  onCommand?(index: number, line: string): void;
  /** Called after each command with its exit status. */
  onExit?(index: number, code: number): void;
  /** An existing cluster to run against (a fresh one from `seed` otherwise). */
  cluster?: Cluster;
}

/** The commands of a script: non-blank lines that are not comments. */
export function scriptCommands(script: string): string[] {
  return script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * Runs every command; returns 0 when all succeeded, otherwise the status of the last one that
 * failed.
 */
export async function runSession(commands: readonly string[], opts: SessionOptions): Promise<number> {
  const cluster = opts.cluster ?? new Cluster({ seed: opts.seed ?? 1 });
  const think = opts.thinkMs ?? DEFAULT_THINK_MS;
  let status = 0;
  for (let i = 0; i < commands.length; i++) {
    const line = commands[i];
    cluster.advance(think);
    opts.onCommand?.(i, line);
    if (opts.echo) opts.stdout(`$ ${line}\n`);
    const code = await runLine(line, cluster, opts);
    opts.onExit?.(i, code);
    if (code !== 0) status = code;
  }
  return status;
}

async function runLine(line: string, cluster: Cluster, opts: SessionOptions): Promise<number> {
  let words: string[];
  try {
    words = splitWords(line);
  } catch (e) {
    if (e instanceof SplitError) {
      opts.stderr(`sh: syntax error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (words.length === 0) return 0;
  if (words[0] !== 'kubectl') {
    opts.stderr(`kubelab: only kubectl commands can run here until the shell is built: ${words[0]}\n`);
    return 127;
  }
  return runKubectl(words.slice(1), {
    cluster,
    fs: opts.fs,
    stdout: opts.stdout,
    stderr: opts.stderr,
    watchBudgetMs: DEFAULT_WATCH_BUDGET_MS,
  });
}
