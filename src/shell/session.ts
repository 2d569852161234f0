/**
 * A terminal session: a stack of shells fed one typed line at a time. The workstation shell
 * is at the bottom; `kubectl run -it ... -- sh` and `kubectl exec -it` push a container's
 * shell, which receives the lines until it runs `exit`. A line that leaves a quote, a
 * compound command or a heredoc open waits for more lines (the `> ` prompt). Each complete
 * command runs under its own abort: Ctrl-C (the caller's signal), the time budget and the
 * limits stop it, keeping what it printed.
 */
import type { Cluster } from '../cluster/cluster.js';
import { MAX_DISK_FILE_BYTES } from '../workspace/disk-fs.js';
import { MemoryFs } from '../workspace/memory-fs.js';
import type { WorkspaceFs } from '../workspace/workspace-fs.js';
import { Shell } from './interpreter/shell.js';
import { parseAtEnd, parseShell, type ParseOutcome } from './parse.js';
import { busyboxPrompt, WORKSTATION_PROMPT } from './prompts.js';
import type {
  CommandSet,
  ContainerCommandSetFn,
  ContainerPlace,
  ContainerShellSetup,
  EnterOptions,
  ShellLimits,
  ShellSession,
  ShellTime,
} from './types.js';
import type { ContainerIO, ContainerTarget } from '../kubectl/context.js';
import { OUTPUT_PROGRAMS } from './builtins/output.js';
import { runInContainer } from './container-exec.js';
import { workstationCommandSet } from './workstation.js';
import { containerCommandSet } from './images.js';
import { shellName } from './net/index.js';
import { UTILITIES } from './utils/index.js';

/** Default limits of one top-level line in `run` and `grade` (the TUI drops lineBudgetMs). */
export const DEFAULT_SHELL_LIMITS: ShellLimits = {
  maxCommands: 100_000,
  maxIterationsWithoutTime: 10_000,
  maxOutputBytes: 8 * 1024 * 1024,
  maxDepth: 100,
  maxFileBytes: MAX_DISK_FILE_BYTES,
  lineBudgetMs: 120_000,
};

/** Time for `run` and `grade`: sleeping advances the cluster's clock at once. */
export function steppedTime(cluster: Cluster): ShellTime {
  return {
    now: () => cluster.clock.now(),
    sleep: async (ms, signal) => {
      if (!signal.aborted && ms > 0) cluster.advance(ms);
    },
  };
}

/** Options of a session. */
export interface TerminalSessionOptions {
  cluster: Cluster;
  /** The workstation's files (the workspace). */
  fs: WorkspaceFs;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Default: steppedTime(cluster). */
  time?: ShellTime;
  /** Overrides of DEFAULT_SHELL_LIMITS. */
  limits?: Partial<ShellLimits>;
  /** The workstation's commands. Default: workstationCommandSet(). */
  commands?: CommandSet;
  /** Containers' shells. Default: `containerCommandSet` of src/shell/images.ts. */
  containerShell?: ContainerCommandSetFn;
  /** Extra workstation environment. */
  env?: Record<string, string>;
}

/** What feeding a line gives. */
export type FeedResult =
  /** The command is not complete yet: the next line continues it (prompt `> `). */
  | { kind: 'more' }
  /** A blank line or a comment: nothing ran. */
  | { kind: 'empty' }
  /** A command ran (or failed to parse) with this status. */
  | { kind: 'ran'; status: number; command: string };

interface Frame {
  shell?: Shell;
  place?: ContainerPlace;
  enter?: EnterOptions;
  prompt(cwd: string): string;
  loading?: Promise<void>;
}

/** The workstation's environment at start. */
const WORKSTATION_ENV = { HOME: '/', PATH: '/usr/local/bin:/usr/bin:/bin', TERM: 'xterm-256color', USER: 'student' };

/** A terminal session: shells stacked by `kubectl run -it` / `exec -it`. */
export class TerminalSession implements ShellSession {
  private readonly stack: Frame[] = [];
  private readonly limits: ShellLimits;
  private readonly time: ShellTime;
  private buffer: string | undefined;
  private workstationExited = false;

  constructor(private readonly opts: TerminalSessionOptions) {
    this.limits = { ...DEFAULT_SHELL_LIMITS, ...opts.limits };
    this.time = opts.time ?? steppedTime(opts.cluster);
    const shell = new Shell({
      place: { kind: 'workstation' },
      fs: opts.fs,
      cluster: opts.cluster,
      commands: opts.commands ?? workstationCommandSet(),
      session: this,
      time: this.time,
      limits: this.limits,
      env: { ...WORKSTATION_ENV, ...opts.env },
      pid: 4242,
      rng: opts.cluster.rng.fork('shell-random'),
    });
    this.stack.push({ shell, prompt: () => WORKSTATION_PROMPT });
  }

  /** The prompt of the shell that receives the next line (PS1; see `pending` for PS2). */
  prompt(): string {
    const top = this.top();
    return top.prompt(top.shell?.opts.fs.cwd() ?? '/');
  }

  /** True while a command waits for more lines. */
  pending(): boolean {
    return this.buffer !== undefined;
  }

  /** True once the workstation shell ran `exit`: no more lines are read. */
  get exited(): boolean {
    return this.workstationExited;
  }

  /** The shell that reads the next line (its commands, files and variables), or undefined while a container's shell loads. */
  activeShell(): Shell | undefined {
    return this.top().shell;
  }

  /** How many container shells are entered. */
  depth(): number {
    return this.stack.length - 1;
  }

  /** Waits until an entered container's shell is set up (call before showing the prompt). */
  async ready(): Promise<void> {
    await this.top().loading;
  }

  /** Enters a container: the next lines go to a shell in it until it exits. */
  enterContainer(target: ContainerTarget, enter: EnterOptions): void {
    const place: ContainerPlace = { kind: 'container', ...target };
    const frame: Frame = { place, enter, prompt: busyboxPrompt };
    frame.loading = this.containerSetup(place, enter.shell).then((setup) => {
      if (setup.promptFor) frame.prompt = setup.promptFor.bind(setup);
      frame.shell = this.containerShell(place, setup, {
        fs: setup.fs ?? new MemoryFs(),
        env: { HOME: '/root', HOSTNAME: place.pod, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...setup.env },
        shell: enter.shell,
        rngName: `shell-random/${place.namespace}/${place.pod}`,
      });
    });
    this.stack.push(frame);
  }

  /**
   * `kubectl exec POD -- CMD args` without a terminal: one command in the container, looked up
   * in its image (src/shell/container-exec.ts); `sh -c SCRIPT` runs the script in a shell of
   * the container's, with the container's files, as the container runtime would.
   */
  runInContainer(target: ContainerTarget, argv: string[], io: ContainerIO): Promise<number> {
    const cluster = this.opts.cluster;
    const host = { cluster, builtins: OUTPUT_PROGRAMS, utilities: UTILITIES, time: this.time, session: this, limits: this.limits };
    return runInContainer(
      {
        ...host,
        runScript: async (script, ctx) => {
          const place: ContainerPlace = { kind: 'container', ...target };
          const setup = await this.containerSetup(place, ctx.name);
          const shell = this.containerShell(place, setup, {
            fs: ctx.fs,
            env: Object.fromEntries(ctx.env),
            shell: ctx.name,
            rngName: `exec-random/${target.namespace}/${target.pod}/${this.time.now()}`,
          });
          const parsed = await parseAtEnd(script);
          if (parsed.kind !== 'complete') {
            ctx.stderr(syntaxError(shell.name, parsed));
            return 2;
          }
          return (await shell.runScript(parsed.script, { stdout: ctx.stdout, stderr: ctx.stderr }, ctx.signal)).status;
        },
      },
      target,
      argv,
      io,
    );
  }

  /** Feeds one typed line; `signal` is Ctrl-C for the command it completes. */
  async feed(line: string, signal?: AbortSignal): Promise<FeedResult> {
    if (this.buffer === undefined && (line.trim() === '' || line.trimStart().startsWith('#'))) return { kind: 'empty' };
    const source = this.buffer === undefined ? line : `${this.buffer}\n${line}`;
    const parsed = await parseShell(source);
    if (parsed.kind === 'incomplete') {
      this.buffer = source;
      return { kind: 'more' };
    }
    this.buffer = undefined;
    return this.run(source, parsed, signal);
  }

  /** Ends the input: a command still waiting for lines runs as it is, or is a syntax error. */
  async finish(signal?: AbortSignal): Promise<FeedResult | undefined> {
    if (this.buffer === undefined) return undefined;
    const source = this.buffer;
    this.buffer = undefined;
    return this.run(source, await parseAtEnd(source), signal);
  }

  private async run(source: string, parsed: ParseOutcome, signal?: AbortSignal): Promise<FeedResult> {
    await this.ready();
    const frame = this.top();
    const shell = frame.shell!;
    shell.history.push(source);
    if (parsed.kind !== 'complete') {
      this.opts.stderr(syntaxError(shell.name, parsed));
      shell.status = 2;
      return { kind: 'ran', status: 2, command: source };
    }
    const result = await shell.runScript(parsed.script, { stdout: this.opts.stdout, stderr: this.opts.stderr }, signal);
    if (result.exited) {
      if (this.stack.length === 1) this.workstationExited = true;
      else {
        // Frames entered after this one (a shell that entered another) leave with it.
        const at = this.stack.indexOf(frame);
        this.stack.splice(at);
        await frame.enter?.onExit(result.status);
        // kubectl run -it / exec -it exit with the container shell's status.
        const parent = this.top().shell;
        if (parent) parent.status = result.status;
      }
    }
    return { kind: 'ran', status: result.status, command: source };
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  /** A shell of a container's (pid 1 of its own process tree) over the image's commands. */
  private containerShell(place: ContainerPlace, setup: ContainerShellSetup, o: { fs: WorkspaceFs; env: Record<string, string>; shell: string; rngName: string }): Shell {
    return new Shell({
      place,
      fs: o.fs,
      cluster: this.opts.cluster,
      commands: setup.commands,
      session: this,
      time: this.time,
      limits: this.limits,
      env: o.env,
      pid: 1,
      name: shellName(o.shell),
      notFound: setup.notFound?.bind(setup),
      rng: this.opts.cluster.rng.fork(o.rngName),
    });
  }

  private async containerSetup(place: ContainerPlace, shell: string): Promise<ContainerShellSetup> {
    const make: ContainerCommandSetFn =
      this.opts.containerShell ?? ((p, sh) => containerCommandSet(p, { builtins: {}, utilities: UTILITIES, cluster: this.opts.cluster }, sh));
    return make(place, shell);
  }
}

/** `sh: syntax error: ...` for a script that did not parse (or ended inside a command). */
function syntaxError(shell: string, parsed: Exclude<ParseOutcome, { kind: 'complete' }>): string {
  return `${shell}: syntax error: ${parsed.kind === 'error' ? parsed.message : 'unexpected end of file'}\n`;
}
