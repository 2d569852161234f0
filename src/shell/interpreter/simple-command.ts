/**
 * A simple command: expand its words, apply its redirections, then run a function, a shell
 * builtin, or a command of the place (`sh: foo: not found`, 127, when there is none).
 * `VAR=value cmd` puts VAR in that command's environment only.
 */
import type { CompoundNode, SimpleCommandNode } from '../ast.js';
import { BUILTINS } from '../builtins/index.js';
import type { CommandContext } from '../types.js';
import { executeCommand } from './execute.js';
import { expandWord, expandWords } from './expand.js';
import { withRedirections } from './redirect.js';
import type { Exec } from './shell.js';
import { BreakSignal, ContinueSignal, ExitSignal, Interrupt, ReturnSignal, ShellError } from './signals.js';

/** Runs one simple command; returns its status. */
export async function executeSimpleCommand(c: SimpleCommandNode, ex: Exec): Promise<number> {
  ex.run.countCommand();
  ex.sh.substStatus = undefined;
  const words = await expandWords(c.name ? [c.name, ...c.args] : c.args, ex);
  const assigned = new Map<string, string>();
  for (const a of c.assignments) {
    if (a.array) throw new ShellError(`${a.name}: arrays are not supported`, 2);
    let value = a.value ? await expandWord(a.value, ex) : '';
    if (a.append) value = (assigned.get(a.name) ?? ex.sh.get(a.name) ?? '') + value;
    assigned.set(a.name, value);
  }
  if (words.length === 0) {
    for (const [k, v] of assigned) ex.sh.set(k, v);
    const status = ex.sh.substStatus ?? 0;
    return c.redirections.length > 0 ? withRedirections(c.redirections, ex, async () => status) : status;
  }
  return withRedirections(c.redirections, ex, (inner) => dispatch(words[0], words.slice(1), assigned, inner));
}

/** Runs a command by name with its arguments (also used by `command` and `eval`). */
export async function dispatch(name: string, args: string[], assigned: Map<string, string>, ex: Exec): Promise<number> {
  const sh = ex.sh;
  const fn = sh.functions.get(name);
  if (fn) return callFunction(name, fn, args, assigned, ex);
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  const command = builtin ? undefined : sh.opts.commands.get(name);
  if (!builtin && !command) {
    ex.io.stderr(sh.opts.notFound?.(name) ?? `${sh.name}: ${name}: not found\n`);
    return 127;
  }
  const ctx = commandContext(name, args, assigned, ex);
  let status: number;
  try {
    status = builtin ? await builtin(ctx, ex) : await command!(ctx);
  } catch (e) {
    if (isControl(e)) throw e;
    ex.io.stderr(`${sh.name}: ${name}: kubelab internal error: ${(e as Error)?.message ?? String(e)}\n`);
    status = 1;
  }
  ex.run.check();
  return status;
}

/** The context a command receives. */
export function commandContext(name: string, args: string[], assigned: Map<string, string>, ex: Exec): CommandContext {
  const { sh, run, io } = ex;
  return {
    name,
    args,
    stdin: io.input.text.slice(io.input.pos),
    stdout: io.stdout,
    stderr: io.stderr,
    env: sh.environment(assigned),
    fs: sh.opts.fs,
    cluster: sh.opts.cluster,
    place: sh.opts.place,
    time: run.time,
    signal: run.signal,
    session: sh.opts.session,
    limits: sh.opts.limits,
  };
}

async function callFunction(name: string, body: CompoundNode, args: string[], assigned: Map<string, string>, ex: Exec): Promise<number> {
  const sh = ex.sh;
  const leave = ex.run.enter();
  const saved = sh.positional;
  const frame = new Map<string, string | undefined>();
  for (const [k, v] of assigned) {
    frame.set(k, sh.vars.get(k));
    sh.set(k, v);
  }
  sh.positional = args;
  sh.frames.push(frame);
  try {
    return await executeCommand(body, ex);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    sh.frames.pop();
    for (const [k, v] of frame) {
      if (v === undefined) sh.unset(k);
      else sh.vars.set(k, v);
    }
    sh.positional = saved;
    leave();
    void name;
  }
}

function isControl(e: unknown): boolean {
  return (
    e instanceof Interrupt ||
    e instanceof ExitSignal ||
    e instanceof ReturnSignal ||
    e instanceof BreakSignal ||
    e instanceof ContinueSignal ||
    e instanceof ShellError
  );
}
