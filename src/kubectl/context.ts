/**
 * What a kubectl invocation runs against: the cluster, the workspace files, standard input,
 * and two output sinks. IO is injected so the same code serves `run`, the shell, the TUI and
 * tests; output is written as it is produced (the TUI streams it).
 */
import type { Cluster } from '../cluster/cluster.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';

/** The environment of one kubectl command. */
export interface KubectlContext {
  cluster: Cluster;
  fs: WorkspaceFs;
  /** Standard input, for `-f -`. */
  stdin?: string;
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Set when the user interrupts (Ctrl-C); long-running verbs (`-w`, `rollout status`) stop. */
  signal?: AbortSignal;
  /**
   * The longest virtual time a watching verb (`get -w`, `rollout status` without --timeout)
   * may run in a script before it is interrupted as if by Ctrl-C, in ms.
   */
  watchBudgetMs?: number;
  /**
   * The shell session kubectl was typed in, when there is one: `kubectl run -it` and
   * `kubectl exec -it` enter a container shell through it. Absent in plain kubectl tests.
   */
  session?: AttachHost;
  /**
   * How waiting verbs let time pass (`rollout status`, `get -w`, `wait`, `delete --wait`,
   * `run -it`): the shell's clock, which in the TUI follows the wall clock. Without it they
   * advance the cluster's virtual clock at once (scripts, tests).
   */
  time?: { sleep(ms: number, signal: AbortSignal): Promise<void> };
}

const NEVER = new AbortController().signal;

/** Lets `ms` of virtual time pass for a waiting verb (see KubectlContext.time). */
export async function passTime(ctx: KubectlContext, ms: number): Promise<void> {
  if (ctx.time) await ctx.time.sleep(ms, ctx.signal ?? NEVER);
  else ctx.cluster.advance(ms);
}

/** A container to open a shell in. */
export interface ContainerTarget {
  namespace: string;
  pod: string;
  container: string;
  /** The image reference as written in the pod spec. */
  image: string;
}

/**
 * What kubectl needs from the terminal it runs in to attach to a container: after
 * `enterContainer`, the lines the user types go to a shell in that container until it exits,
 * then `onExit` runs (kubectl run --rm deletes the pod there). The shell layer implements it.
 */
export interface AttachHost {
  enterContainer(target: ContainerTarget, opts: { shell: string; onExit(code: number): void | Promise<void> }): void;
  /**
   * Runs one command in a container without a terminal (`kubectl exec POD -- ls /`, `kubectl
   * run -i --rm ... -- wget -qO- svc`) and resolves to its exit status. The shell layer
   * implements it with src/shell/container-exec.ts; absent, kubectl says it needs the shell.
   */
  runInContainer?(target: ContainerTarget, argv: string[], io: ContainerIO): Promise<number>;
}

/** Standard streams of a command kubectl runs in a container. */
export interface ContainerIO {
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  signal?: AbortSignal;
}

/** Default watch budget in scripts: 60 virtual seconds. */
export const DEFAULT_WATCH_BUDGET_MS = 60_000;
