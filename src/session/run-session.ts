/**
 * Runs what a student typed, line by line, through kubelab's shell against one cluster, as
 * `kubelab run` and transcript tests do. Before each command the virtual clock advances by the
 * think time (default 10 s: long enough for a pulled image to start, as when a person types);
 * lines that continue a command (a heredoc's body, the rest of a `while` loop) take none.
 * Lines after `kubectl run -it ... -- sh` go to the shell in that pod until `exit`.
 */
import { Cluster } from '../cluster/cluster.js';
import { TerminalSession } from '../shell/session.js';
import { CONTINUATION_PROMPT } from '../shell/prompts.js';
import type { ContainerCommandSetFn, ShellLimits } from '../shell/types.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';

/** Default virtual seconds between two typed commands. */
export const DEFAULT_THINK_MS = 10_000;

/** Options of a session run. */
export interface SessionOptions {
  seed?: string | number;
  fs: WorkspaceFs;
  /** Virtual ms the clock advances before each command. */
  thinkMs?: number;
  /** Print each command after its prompt (`$ command`, continuation lines as `> line`). */
  echo?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Called before each command with its index, first line and the prompt it was typed at. */
  onCommand?(index: number, line: string, prompt: string): void;
  /** Called after each command with its exit status. */
  onExit?(index: number, code: number): void;
  /** An existing cluster to run against (a fresh one from `seed` otherwise). */
  cluster?: Cluster;
  /** Overrides of the shell's limits (DEFAULT_SHELL_LIMITS: 120 s of virtual time per line...). */
  limits?: Partial<ShellLimits>;
  /** Containers' shells (the images' command sets by default). */
  containerShell?: ContainerCommandSetFn;
  /** Ctrl-C for the whole run. */
  signal?: AbortSignal;
}

/** The lines of a script (a final newline does not make an empty last line). */
export function scriptLines(script: string): string[] {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Feeds every line (entries may hold several lines joined by `\n`); returns 0 when every
 * command succeeded, otherwise the status of the last one that failed. Blank lines and
 * comments between commands are skipped; `exit` in the workstation shell ends the run.
 */
export async function runSession(lines: readonly string[], opts: SessionOptions): Promise<number> {
  const cluster = opts.cluster ?? new Cluster({ seed: opts.seed ?? 1 });
  const think = opts.thinkMs ?? DEFAULT_THINK_MS;
  const session = new TerminalSession({
    cluster,
    fs: opts.fs,
    stdout: opts.stdout,
    stderr: opts.stderr,
    limits: opts.limits,
    containerShell: opts.containerShell,
  });
  let status = 0;
  let index = 0;
  const done = (code: number) => {
    // Not `onExit?.(index++)`: optional chaining would skip the increment without a listener.
    opts.onExit?.(index, code);
    index++;
    if (code !== 0) status = code;
  };
  for (const line of lines.flatMap((l) => l.split('\n'))) {
    if (session.exited) break;
    await session.ready();
    if (!session.pending()) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      cluster.advance(think);
      const prompt = session.prompt();
      opts.onCommand?.(index, line, prompt);
      if (opts.echo) opts.stdout(`${prompt}${line}\n`);
    } else if (opts.echo) opts.stdout(`${CONTINUATION_PROMPT}${line}\n`);
    const r = await session.feed(line, opts.signal);
    if (r.kind === 'ran') done(r.status);
  }
  const end = await session.finish(opts.signal);
  if (end?.kind === 'ran') done(end.status);
  return status;
}
