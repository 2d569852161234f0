/** `exit`, `return`, `break`, `continue`, `eval`, `source`/`.`, `cd`, `pwd`. */
import { decodeText } from '../../workspace/workspace-fs.js';
import { executeStatements } from '../interpreter/execute.js';
import { errorText } from '../interpreter/redirect.js';
import type { Exec } from '../interpreter/shell.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError } from '../interpreter/signals.js';
import { parseAtEnd } from '../parse.js';
import type { CommandContext } from '../types.js';
import type { Builtin } from './index.js';

function count(ctx: CommandContext, ex: Exec, fallback: number): number {
  if (ctx.args.length === 0) return fallback;
  const n = Number(ctx.args[0]);
  if (!/^-?\d+$/.test(ctx.args[0])) throw new ShellError(`${ctx.name}: Illegal number: ${ctx.args[0]}`, 2);
  void ex;
  return n;
}

async function runSource(text: string, ex: Exec): Promise<number> {
  const parsed = await parseAtEnd(text);
  if (parsed.kind !== 'complete') throw new ShellError(`syntax error: ${parsed.kind === 'error' ? parsed.message : 'unexpected end of file'}`, 2);
  return executeStatements(parsed.script.statements, ex);
}

function cd(ctx: CommandContext, ex: Exec): number {
  const sh = ex.sh;
  const fs = sh.opts.fs;
  let target = ctx.args.find((a) => a !== '-L' && a !== '-P' && a !== '--');
  let print = false;
  if (target === undefined) target = sh.get('HOME') ?? '/';
  else if (target === '-') {
    target = sh.get('OLDPWD') ?? fs.cwd();
    print = true;
  }
  const before = fs.cwd();
  try {
    fs.chdir(target);
  } catch (e) {
    ctx.stderr(`${sh.name}: cd: can't cd to ${target}: ${errorText(e)}\n`);
    return 2;
  }
  sh.export('OLDPWD', before);
  sh.export('PWD', fs.cwd());
  if (print) ctx.stdout(`${fs.cwd()}\n`);
  return 0;
}

/** Flow and directory builtins, by name. */
export const FLOW_BUILTINS: Record<string, Builtin> = {
  exit: (ctx, ex) => {
    throw new ExitSignal(count(ctx, ex, ex.sh.status) & 255);
  },
  return: (ctx, ex) => {
    if (ex.sh.frames.length === 0) {
      ctx.stderr(`${ex.sh.name}: return: can only \`return' from a function or sourced script\n`);
      return 1;
    }
    throw new ReturnSignal(count(ctx, ex, ex.sh.status) & 255);
  },
  break: (ctx, ex) => {
    throw new BreakSignal(Math.max(1, count(ctx, ex, 1)));
  },
  continue: (ctx, ex) => {
    throw new ContinueSignal(Math.max(1, count(ctx, ex, 1)));
  },
  eval: (ctx, ex) => (ctx.args.length === 0 ? 0 : runSource(ctx.args.join(' '), ex)),
  source: sourceFile,
  '.': sourceFile,
  cd,
  pwd: (ctx, ex) => {
    ctx.stdout(`${ex.sh.opts.fs.cwd()}\n`);
    return 0;
  },
};

async function sourceFile(ctx: CommandContext, ex: Exec): Promise<number> {
  const path = ctx.args[0];
  if (path === undefined) {
    ctx.stderr(`${ex.sh.name}: ${ctx.name}: filename argument required\n`);
    return 2;
  }
  let text: string;
  try {
    text = decodeText(ex.sh.opts.fs.readFile(path));
  } catch (e) {
    ctx.stderr(`${ex.sh.name}: ${ctx.name}: can't open '${path}': ${errorText(e)}\n`);
    return 2;
  }
  const saved = ex.sh.positional;
  if (ctx.args.length > 1) ex.sh.positional = ctx.args.slice(1);
  try {
    return await runSource(text, ex);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    ex.sh.positional = saved;
  }
}
