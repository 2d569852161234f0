/** `export`, `unset`, `set` (positional parameters; options are accepted), `local`, `shift`, `read`. */
import { isName, type Exec } from '../interpreter/shell.js';
import type { CommandContext } from '../types.js';
import type { Builtin } from './index.js';

/** busybox's quoting for `export -p` and `set`: single quotes, `'\''` inside. */
function quote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

function assignArg(arg: string, ex: Exec, ctx: CommandContext, then: (name: string) => void): boolean {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq);
  if (!isName(name)) {
    ctx.stderr(`${ex.sh.name}: ${ctx.name}: ${arg}: bad variable name\n`);
    return false;
  }
  if (eq >= 0) ex.sh.set(name, arg.slice(eq + 1));
  then(name);
  return true;
}

function exportBuiltin(ctx: CommandContext, ex: Exec): number {
  const args = ctx.args.filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    for (const [k, v] of ex.sh.environment()) ctx.stdout(`export ${k}=${quote(v)}\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) if (!assignArg(a, ex, ctx, (n) => ex.sh.export(n))) status = 1;
  return status;
}

function unset(ctx: CommandContext, ex: Exec): number {
  let functions = false;
  for (const a of ctx.args) {
    if (a === '-f') functions = true;
    else if (a === '-v') functions = false;
    else if (functions) ex.sh.functions.delete(a);
    else ex.sh.unset(a);
  }
  return 0;
}

function set(ctx: CommandContext, ex: Exec): number {
  if (ctx.args.length === 0) {
    for (const k of [...ex.sh.vars.keys()].sort()) ctx.stdout(`${k}=${quote(ex.sh.vars.get(k)!)}\n`);
    return 0;
  }
  const args = [...ctx.args];
  // Options (-e, -u, -x, -o pipefail...) are accepted and recorded; kubelab does not act on them.
  while (args.length > 0 && /^[-+][a-zA-Z]+$/.test(args[0])) {
    const opt = args.shift()!;
    if (opt.endsWith('o') && args.length > 0) args.shift();
  }
  if (args[0] === '--' || args.length > 0 || ctx.args.includes('--')) {
    if (args[0] === '--') args.shift();
    ex.sh.positional = args;
  }
  return 0;
}

function local(ctx: CommandContext, ex: Exec): number {
  const frame = ex.sh.frames[ex.sh.frames.length - 1];
  if (!frame) {
    ctx.stderr(`${ex.sh.name}: local: not in a function\n`);
    return 1;
  }
  let status = 0;
  for (const a of ctx.args) {
    const name = a.split('=')[0];
    if (isName(name) && !frame.has(name)) frame.set(name, ex.sh.vars.get(name));
    if (!a.includes('=') && isName(name)) ex.sh.vars.delete(name);
    if (!assignArg(a, ex, ctx, () => {})) status = 1;
  }
  return status;
}

function shift(ctx: CommandContext, ex: Exec): number {
  const n = ctx.args.length > 0 ? Number(ctx.args[0]) : 1;
  if (!Number.isInteger(n) || n < 0 || n > ex.sh.positional.length) {
    ctx.stderr(`${ex.sh.name}: shift: can't shift that many\n`);
    return 1;
  }
  ex.sh.positional = ex.sh.positional.slice(n);
  return 0;
}

/** read [-r] [-p prompt] [NAME...]: one line of standard input, split on IFS. */
function read(ctx: CommandContext, ex: Exec): number {
  const args = [...ctx.args];
  let raw = false;
  while (args.length > 0 && args[0].startsWith('-') && args[0] !== '-') {
    const opt = args.shift()!;
    if (opt.includes('r')) raw = true;
    if (opt === '-p' || opt === '-t' || opt === '-n' || opt === '-d' || opt === '-u') {
      const v = args.shift() ?? '';
      if (opt === '-p') ctx.stderr(v);
    }
  }
  const names = args.length > 0 ? args : ['REPLY'];
  const input = ex.io.input;
  if (input.pos >= input.text.length) {
    for (const n of names) ex.sh.set(n, '');
    return 1;
  }
  let line = '';
  let ended = false;
  while (input.pos < input.text.length) {
    const nl = input.text.indexOf('\n', input.pos);
    const piece = nl < 0 ? input.text.slice(input.pos) : input.text.slice(input.pos, nl);
    input.pos = nl < 0 ? input.text.length : nl + 1;
    ended = nl >= 0;
    if (!raw && /(^|[^\\])(\\\\)*\\$/.test(piece) && ended) {
      line += piece.slice(0, -1);
      continue;
    }
    line += piece;
    break;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = ex.sh.get('IFS') ?? ' \t\n';
  const white = new RegExp(`^[${escapeClass(ifs.replace(/[^ \t\n]/g, ''))}]+|[${escapeClass(ifs.replace(/[^ \t\n]/g, ''))}]+$`, 'g');
  let rest = ifs === '' ? line : line.replace(white, '');
  for (const [i, n] of names.entries()) {
    if (i === names.length - 1) {
      ex.sh.set(n, rest);
      break;
    }
    const m = ifs === '' ? null : new RegExp(`[${escapeClass(ifs)}]+`).exec(rest);
    ex.sh.set(n, m ? rest.slice(0, m.index) : rest);
    rest = m ? rest.slice(m.index + m[0].length) : '';
  }
  return ended ? 0 : 1;
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n') || '\\u0000';
}

/** Variable builtins, by name. */
export const VARIABLE_BUILTINS: Record<string, Builtin> = { export: exportBuiltin, unset, set, local, shift, read };
