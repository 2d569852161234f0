/** `type`, `command` (`-v`, `-V`, or running past functions), `history`. */
import type { Exec } from '../interpreter/shell.js';
import { dispatch } from '../interpreter/simple-command.js';
import type { CommandContext } from '../types.js';
import { BUILTINS, type Builtin } from './index.js';

/** Where a place's command would live on disk, for `type` and `command -v`. */
export function commandPath(name: string, ex: Exec): string {
  if (name === 'kubectl') return '/usr/local/bin/kubectl';
  return ex.sh.opts.place.kind === 'container' ? `/bin/${name}` : `/usr/bin/${name}`;
}

type Kind = 'function' | 'builtin' | 'command' | undefined;

function kindOf(name: string, ex: Exec): Kind {
  if (ex.sh.functions.has(name)) return 'function';
  if (Object.hasOwn(BUILTINS, name)) return 'builtin';
  if (ex.sh.opts.commands.get(name)) return 'command';
  return undefined;
}

function describe(name: string, ex: Exec): string | undefined {
  switch (kindOf(name, ex)) {
    case 'function':
      return `${name} is a function`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'command':
      return `${name} is ${commandPath(name, ex)}`;
    default:
      return undefined;
  }
}

function type(ctx: CommandContext, ex: Exec): number {
  let status = 0;
  for (const name of ctx.args) {
    const d = describe(name, ex);
    if (d) ctx.stdout(`${d}\n`);
    else {
      ctx.stderr(`${ex.sh.name}: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
}

async function command(ctx: CommandContext, ex: Exec): Promise<number> {
  const args = [...ctx.args];
  let mode: '' | 'v' | 'V' = '';
  while (args.length > 0 && /^-[vVp]+$/.test(args[0])) {
    const f = args.shift()!;
    if (f.includes('v')) mode = 'v';
    if (f.includes('V')) mode = 'V';
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) return 0;
  if (mode === '') {
    // Runs a builtin or a command, never a function of the same name.
    const saved = ex.sh.functions.get(args[0]);
    if (saved) ex.sh.functions.delete(args[0]);
    try {
      return await dispatch(args[0], args.slice(1), new Map(), ex);
    } finally {
      if (saved) ex.sh.functions.set(args[0], saved);
    }
  }
  let status = 0;
  for (const name of args) {
    const kind = kindOf(name, ex);
    if (!kind) {
      if (mode === 'V') ctx.stderr(`${ex.sh.name}: command: ${name}: not found\n`);
      status = 1;
    } else ctx.stdout(mode === 'V' ? `${describe(name, ex)}\n` : `${kind === 'command' ? commandPath(name, ex) : name}\n`);
  }
  return status;
}

/** history: the lines typed in this shell, numbered as bash shows them. */
function history(ctx: CommandContext, ex: Exec): number {
  const h = ex.sh.history;
  const n = ctx.args.length > 0 && /^\d+$/.test(ctx.args[0]) ? Number(ctx.args[0]) : h.length;
  const from = Math.max(0, h.length - n);
  for (let i = from; i < h.length; i++) ctx.stdout(`${String(i + 1).padStart(5)}  ${h[i]}\n`);
  return 0;
}

/** Information builtins, by name. */
export const INFO_BUILTINS: Record<string, Builtin> = { type, command, history };
