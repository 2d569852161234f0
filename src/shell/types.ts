/**
 * The contract between kubelab's shell interpreter and the commands it runs (utilities,
 * network clients, kubectl), and between the interpreter and the session that feeds it
 * lines. Commands are plain async functions over a context: no globals, no real time, no
 * real filesystem; what they print goes out as they print it (the TUI streams it).
 */
import type { Cluster } from '../cluster/cluster.js';
import type { AttachHost, ContainerTarget } from '../kubectl/context.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';

/** A container a shell can run in (image: as written in the pod spec, `busybox`, `nginx:1.14`). */
export interface ContainerPlace extends ContainerTarget {
  kind: 'container';
}

/** Where a shell runs: the student's own machine (with kubectl), or inside a container. */
export type ShellPlace = { kind: 'workstation' } | ContainerPlace;

/** Time as commands see it: the one virtual clock. */
export interface ShellTime {
  /** Virtual now, in ms since the epoch. */
  now(): number;
  /**
   * Lets `ms` of virtual time pass: `run` and `grade` advance the cluster's clock (controllers
   * run meanwhile); the TUI waits until its real-time-driven clock gets there. Resolves early
   * when `signal` aborts.
   */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Bounds on what one top-level command line may do (untrusted input). */
export interface ShellLimits {
  /** Simple commands run per top-level line. */
  maxCommands: number;
  /** Loop iterations in a row during which virtual time did not move. */
  maxIterationsWithoutTime: number;
  /** Bytes written to stdout and stderr per top-level line. */
  maxOutputBytes: number;
  /** Function and `$(...)` nesting depth. */
  maxDepth: number;
  /** Largest file a command may write, in bytes. */
  maxFileBytes: number;
  /**
   * Virtual ms a top-level line may run in `run` and `grade` before it is interrupted as if
   * by Ctrl-C (`^C` shown, status 130). Undefined in the TUI, where the user presses Ctrl-C.
   */
  lineBudgetMs?: number;
}

/** Standard streams of one command. Pipelines hand each stage the previous stage's output. */
export interface CommandIO {
  /** The whole standard input (empty when none). */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Everything a command receives. */
export interface CommandContext extends CommandIO {
  /** argv[0] as typed (after expansion). */
  name: string;
  /** argv[1..] after expansion. */
  args: string[];
  /** The shell's exported variables; `export` and `cd` update them (PWD, OLDPWD). */
  env: Map<string, string>;
  /** The filesystem of the place (workspace folder, memory, or the container's files); cwd lives in it. */
  fs: WorkspaceFs;
  cluster: Cluster;
  place: ShellPlace;
  time: ShellTime;
  /** Aborts on Ctrl-C or when a limit stops the line. Long commands must check it. */
  signal: AbortSignal;
  session: ShellSession;
  limits: ShellLimits;
}

/** A command: returns its exit status. Throwing is a kubelab bug (reported plainly, no stack). */
export type CommandFn = (ctx: CommandContext) => number | Promise<number>;

/** The commands one place has (an image's binaries, or the workstation's tools). */
export interface CommandSet {
  get(name: string): CommandFn | undefined;
  names(): string[];
}

/**
 * What a container's shell runs with, from its image (src/shell/images.ts gives more): its
 * binaries, and optionally its files (a fresh empty file system otherwise), its prompt for a
 * working directory (busybox's `/ # ` otherwise), its not-found message and extra environment.
 */
export interface ContainerShellSetup {
  commands: CommandSet;
  fs?: WorkspaceFs;
  promptFor?(cwd: string): string;
  /** What the shell prints for an unknown command (`sh: curl: not found\n`); status 127. */
  notFound?(command: string): string;
  env?: Record<string, string>;
}

/** Makes the shell setup of a container for a shell program (`sh`, `bash`). */
export type ContainerCommandSetFn = (place: ContainerPlace, shell: string) => ContainerShellSetup;

/** What `exit` of an entered container shell does. */
export interface EnterOptions {
  /** The shell program asked for (`sh`, `bash`, `/bin/sh`). */
  shell: string;
  /** Runs after the container shell exits, with its status (kubectl run --rm deletes the pod here). */
  onExit(code: number): void | Promise<void>;
}

/**
 * The session that feeds lines to shells. `kubectl run -it ... -- sh` and `kubectl exec -it`
 * enter a container: from the next line on, typed lines go to that container's shell until
 * it exits; then the line after goes back to the shell that entered it.
 */
export interface ShellSession extends AttachHost {
  enterContainer(place: ContainerTarget, opts: EnterOptions): void;
  /** The prompt of the shell that receives the next line (`$ `, busybox's `/ # `). */
  prompt(): string;
}
