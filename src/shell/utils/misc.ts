/**
 * seq (1–3 operands, -s, -w, decimals), env and printenv (the exported variables in the
 * order they were set), basename (-a, -s, SUFFIX) and dirname. env cannot run a command:
 * kubelab's commands do not start other commands; it says so instead of pretending.
 */
import type { CommandContext } from '../types.js';
import { ChunkedOut, INTERRUPTED, parseOpts, quoteLocale, reportOptError, usageError } from './common.js';

function decimals(s: string): number {
  const m = /\.(\d*)/.exec(s);
  return m ? m[1].length : 0;
}

/** The seq command. */
export function seq(ctx: CommandContext): number {
  // Negative numbers are operands, not options: stop option parsing at the first one.
  const cut = ctx.args.findIndex((a) => /^-\d|^-\.\d/.test(a));
  const head = cut < 0 ? ctx.args : ctx.args.slice(0, cut);
  const parsed = parseOpts(head, { bool: 'w', withValue: 'sf', long: { separator: 's', 'equal-width': 'w', format: 'f' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const ops = [...parsed.operands, ...(cut < 0 ? [] : ctx.args.slice(cut))];
  if (ops.length === 0) return usageError(ctx, 'missing operand');
  if (ops.length > 3) return usageError(ctx, `extra operand ${quoteLocale(ops[3])}`);
  for (const op of ops) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(op)) return usageError(ctx, `invalid floating point argument: ${quoteLocale(op)}`);
  }
  const [first, step, last] = ops.length === 1 ? ['1', '1', ops[0]] : ops.length === 2 ? [ops[0], '1', ops[1]] : ops;
  const inc = Number(step);
  if (inc === 0) return usageError(ctx, `invalid Zero increment value: ${quoteLocale(step)}`);
  const places = Math.max(decimals(first), decimals(step));
  const from = Number(first), to = Number(last);
  const sep = parsed.flags.get('s')?.at(-1) ?? '\n';
  const fmt = (v: number): string => v.toFixed(places);
  let width = 0;
  if (parsed.flags.has('w')) width = Math.max(fmt(from).length, fmt(from + Math.floor((to - from) / inc) * inc).length);
  const pad = (s: string): string => (s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0'));
  const out = new ChunkedOut((t) => ctx.stdout(t));
  let produced = 0;
  for (let i = 0; ; i++) {
    // Step from the start each time so 0.1 increments do not accumulate rounding errors.
    const v = from + i * inc;
    if (inc > 0 ? v > to + 1e-10 * Math.abs(inc) : v < to - 1e-10 * Math.abs(inc)) break;
    if (ctx.signal.aborted) { out.flush(); return INTERRUPTED; }
    const text = `${i === 0 ? '' : sep}${pad(fmt(v))}`;
    out.push(text);
    produced += text.length;
    // Past the output limit the interpreter stops the line; stop producing as well.
    if (produced > ctx.limits.maxOutputBytes) break;
  }
  if (produced > 0) out.push('\n');
  out.flush();
  return 0;
}

/** The env command (printing only). */
export function env(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, { bool: 'i0', withValue: 'u', long: { 'ignore-environment': 'i', unset: 'u', null: '0' }, posixOrder: true });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 125);
  const vars = parsed.flags.has('i') ? new Map<string, string>() : new Map(ctx.env);
  for (const name of parsed.flags.get('u') ?? []) vars.delete(name);
  let i = 0;
  const ops = parsed.operands;
  for (; i < ops.length && ops[i].includes('='); i++) {
    const eq = ops[i].indexOf('=');
    vars.delete(ops[i].slice(0, eq));
    vars.set(ops[i].slice(0, eq), ops[i].slice(eq + 1));
  }
  if (i < ops.length) {
    ctx.stderr(`env: kubelab's env cannot run ${quoteLocale(ops[i])}; write \`NAME=value ${ops[i]}\` instead\n`);
    return 125;
  }
  const end = parsed.flags.has('0') ? '\0' : '\n';
  ctx.stdout([...vars].map(([k, v]) => `${k}=${v}${end}`).join(''));
  return 0;
}

/** The printenv command. */
export function printenv(ctx: CommandContext): number {
  if (ctx.args.length === 0) {
    ctx.stdout([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const name of ctx.args) {
    const v = ctx.env.get(name);
    if (v === undefined) status = 1;
    else ctx.stdout(`${v}\n`);
  }
  return status;
}

/** POSIX basename of one string, with an optional suffix removed. */
export function baseOf(path: string, suffix = ''): string {
  if (path === '') return '';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix !== '' && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

/** POSIX dirname of one string. */
export function dirOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  const dir = trimmed.slice(0, at).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** The basename command. */
export function basename(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, { bool: 'az', withValue: 's', long: { multiple: 'a', suffix: 's', zero: 'z' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const ops = parsed.operands;
  if (ops.length === 0) return usageError(ctx, 'missing operand');
  const suffix = parsed.flags.get('s')?.at(-1);
  const multiple = parsed.flags.has('a') || suffix !== undefined;
  if (!multiple && ops.length > 2) return usageError(ctx, `extra operand ${quoteLocale(ops[2])}`);
  const end = parsed.flags.has('z') ? '\0' : '\n';
  if (!multiple) { ctx.stdout(`${baseOf(ops[0], ops[1])}${end}`); return 0; }
  ctx.stdout(ops.map((p) => `${baseOf(p, suffix)}${end}`).join(''));
  return 0;
}

/** The dirname command. */
export function dirname(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, { bool: 'z', long: { zero: 'z' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  if (parsed.operands.length === 0) return usageError(ctx, 'missing operand');
  const end = parsed.flags.has('z') ? '\0' : '\n';
  ctx.stdout(parsed.operands.map((p) => `${dirOf(p)}${end}`).join(''));
  return 0;
}
