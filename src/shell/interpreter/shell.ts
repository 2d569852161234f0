/**
 * One shell: its variables (exported or not), functions, positional parameters, last status
 * and history, over one place's commands and files. `runScript` runs one top-level line (a
 * parsed ScriptNode) under a fresh LineRun: Ctrl-C, the time budget and the limits stop it.
 */
import type { Cluster } from '../../cluster/cluster.js';
import type { Rng } from '../../cluster/rng.js';
import type { WorkspaceFs } from '../../workspace/workspace-fs.js';
import type { CompoundNode, ScriptNode } from '../ast.js';
import type { CommandSet, ShellLimits, ShellPlace, ShellSession, ShellTime } from '../types.js';
import { executeStatements } from './execute.js';
import { LineRun } from './line-run.js';
import { BreakSignal, ContinueSignal, ExitSignal, INTERRUPT_STATUS, Interrupt, LIMIT_STATUS, ReturnSignal, ShellError } from './signals.js';

/** Standard streams inside the interpreter. */
export interface Streams {
  /** Standard input; `read` consumes it line by line (pos moves), other commands see the rest. */
  input: { text: string; pos: number };
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What the interpreter carries through one line. */
export interface Exec {
  sh: Shell;
  run: LineRun;
  io: Streams;
}

/** What a shell is made of. */
export interface ShellOptions {
  place: ShellPlace;
  fs: WorkspaceFs;
  cluster: Cluster;
  commands: CommandSet;
  session: ShellSession;
  time: ShellTime;
  limits: ShellLimits;
  /** Exported variables at start (HOME, PATH, PWD is set from the fs). */
  env?: Record<string, string>;
  /** `$0` and the prefix of the shell's own messages: `sh`. */
  name?: string;
  /** `$$`. */
  pid?: number;
  /** What the shell prints for an unknown command (default `sh: foo: not found`). */
  notFound?(command: string): string;
  /** Where `$RANDOM` draws from. */
  rng?: Rng;
}

/** What running one line gives. */
export interface LineResult {
  status: number;
  /** Set when the line ran `exit`: the shell is over. */
  exited?: boolean;
}

/** A shell and its state across lines. */
export class Shell {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly functions = new Map<string, CompoundNode>();
  positional: string[] = [];
  status = 0;
  readonly history: string[] = [];
  /** Status of the last `$(...)`, for a line of assignments only (`x=$(false)` → 1). */
  substStatus: number | undefined;
  /** One frame per running function: the values `local` saved, restored on return. */
  readonly frames: Map<string, string | undefined>[] = [];
  readonly name: string;
  readonly pid: number;

  constructor(readonly opts: ShellOptions) {
    this.name = opts.name ?? 'sh';
    this.pid = opts.pid ?? 1;
    for (const [k, v] of Object.entries(opts.env ?? {})) this.export(k, v);
    this.export('PWD', opts.fs.cwd());
    if (!this.vars.has('IFS')) this.vars.set('IFS', ' \t\n');
  }

  /** The value of a variable or special parameter (undefined when unset). */
  get(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status);
      case '#':
        return String(this.positional.length);
      case '@':
      case '*':
        return this.positional.join(name === '*' ? (this.vars.get('IFS') ?? ' ').slice(0, 1) : ' ');
      case '$':
        return String(this.pid);
      case '0':
        return this.name;
      case '!':
        return undefined;
      case '-':
        return '';
      case 'RANDOM':
        return String(this.opts.rng ? this.opts.rng.int(32768) : 0);
    }
    if (/^[1-9]\d*$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  /** Sets a variable (exported ones reach commands' environment). */
  set(name: string, value: string): void {
    if (!isName(name)) throw new ShellError(`${name}: bad variable name`, 2);
    this.vars.set(name, value);
  }

  /** Marks a variable exported, setting it when a value is given. */
  export(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    this.exported.add(name);
  }

  /** Removes a variable. */
  unset(name: string): void {
    this.vars.delete(name);
    this.exported.delete(name);
  }

  /** The environment a command sees: exported variables plus `VAR=value` prefixes. */
  environment(extra: Map<string, string> = new Map()): Map<string, string> {
    const env = new Map<string, string>();
    for (const name of [...this.exported].sort()) {
      const v = this.vars.get(name);
      if (v !== undefined) env.set(name, v);
    }
    for (const [k, v] of extra) env.set(k, v);
    return env;
  }

  /**
   * Runs one parsed top-level line, writing to `out`; `signal` is Ctrl-C. Never throws for a
   * user's mistake: errors become messages and statuses.
   */
  async runScript(script: ScriptNode, out: { stdout(t: string): void; stderr(t: string): void }, signal?: AbortSignal): Promise<LineResult> {
    const run = new LineRun(this.opts.limits, this.opts.time, signal);
    const guard = (write: (t: string) => void) => (t: string) => {
      if (t === '' || !run.allowOutput(t)) return;
      run.lastChar = t[t.length - 1];
      write(t);
    };
    const io: Streams = { input: { text: '', pos: 0 }, stdout: guard(out.stdout), stderr: guard(out.stderr) };
    try {
      this.status = await executeStatements(script.statements, { sh: this, run, io });
      run.check();
      return { status: this.status };
    } catch (e) {
      if (e instanceof ExitSignal) return { status: (this.status = e.code), exited: true };
      if (e instanceof Interrupt) {
        if (run.reason?.kind === 'limit') {
          out.stderr(`${this.name}: kubelab limit: ${run.reason.message}\n`);
          return { status: (this.status = LIMIT_STATUS) };
        }
        // The terminal echoes ^C where the cursor is; kubelab puts it on a line of its own.
        out.stdout(`${run.lastChar !== '' && run.lastChar !== '\n' ? '\n' : ''}^C\n`);
        return { status: (this.status = INTERRUPT_STATUS) };
      }
      if (e instanceof ShellError) {
        out.stderr(`${this.name}: ${e.message}\n`);
        return { status: (this.status = e.status) };
      }
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return { status: this.status };
      if (e instanceof ReturnSignal) return { status: (this.status = e.code) };
      out.stderr(`${this.name}: kubelab internal error: ${(e as Error)?.message ?? String(e)}\n`);
      return { status: (this.status = 1) };
    }
  }
}

/** True for a valid variable name. */
export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}
