/**
 * head and tail as GNU coreutils (and busybox) print them: -n N, -N, -c N, head's negative
 * counts (all but the last N), tail's `+N` (from line N on), `==> f <==` headers when there
 * are several files (-q hides them, -v forces them). Not built: tail -f (it would never end
 * in a script), size suffixes (`-c 1K`).
 */
import type { CommandContext } from '../types.js';
import { errnoText, flavor, parseOpts, quoteAlways, quoteLocale, readOperand, reportOptError, splitLines } from './common.js';

interface Count {
  /** Lines (or bytes with -c). */
  n: number;
  /** head: all but the last n; tail: from the n-th on. */
  relative: boolean;
  bytes: boolean;
}

/** Rewrites the obsolete `-5` / `+5` forms into `-n 5` / `-n +5`, as GNU does for a first argument. */
function obsoleteCount(args: string[], tail: boolean): string[] {
  const a = args[0];
  if (a !== undefined && (/^-\d+$/.test(a) || (tail && /^\+\d+$/.test(a)))) {
    return ['-n', a.startsWith('+') ? a : a.slice(1), ...args.slice(1)];
  }
  return args;
}

/** Parses a count value; undefined when invalid. */
function parseCount(v: string, tail: boolean, bytes: boolean): Count | undefined {
  const m = /^([+-]?)(\d+)$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[2]);
  return { n, relative: tail ? m[1] === '+' : m[1] === '-', bytes };
}

/** head's or tail's selection from one input. */
function select(text: string, c: Count, tail: boolean): string {
  if (c.bytes) {
    const buf = Buffer.from(text);
    if (!tail) return buf.subarray(0, c.relative ? Math.max(0, buf.length - c.n) : c.n).toString();
    return buf.subarray(c.relative ? Math.max(0, c.n - 1) : Math.max(0, buf.length - c.n)).toString();
  }
  const lines = splitLines(text);
  const endsWithNewline = text.endsWith('\n');
  let picked: string[];
  let keepsLast: boolean;
  if (!tail) {
    const end = c.relative ? Math.max(0, lines.length - c.n) : Math.min(lines.length, c.n);
    picked = lines.slice(0, end);
    keepsLast = end === lines.length;
  } else {
    picked = c.relative ? lines.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : lines.slice(-c.n);
    keepsLast = picked.length > 0;
  }
  const joined = picked.join('\n');
  if (picked.length === 0) return '';
  return keepsLast && !endsWithNewline ? joined : `${joined}\n`;
}

/** The shared body of head and tail. */
function headOrTail(ctx: CommandContext, tail: boolean): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(obsoleteCount(ctx.args, tail), {
    bool: tail ? 'qvfF' : 'qv',
    withValue: 'nc',
    long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v', ...(tail ? { follow: 'f' } : {}) },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  if (f.has('f') || f.has('F')) {
    ctx.stderr(`${ctx.name}: following files is not supported in kubelab; showing what is there now\n`);
  }
  // The last of -n/-c wins, as with getopt's later assignment.
  const lastIsBytes = parsed.order.filter((k) => k === 'n' || k === 'c').at(-1) === 'c';
  const raw = lastIsBytes ? f.get('c')!.at(-1)! : f.get('n')?.at(-1) ?? '10';
  const count = parseCount(raw, tail, lastIsBytes);
  if (!count) {
    if (bb) ctx.stderr(`${ctx.name}: invalid number '${raw}'\n`);
    else ctx.stderr(`${ctx.name}: invalid number of ${lastIsBytes ? 'bytes' : 'lines'}: ${quoteLocale(raw)}\n`);
    return 1;
  }
  const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
  const headers = f.has('v') || (!f.has('q') && files.length > 1);
  let status = 0;
  let first = true;
  for (const file of files) {
    const r = readOperand(ctx, file);
    if (!r.ok) {
      status = 1;
      if (bb) ctx.stderr(`${ctx.name}: can't open '${file}': ${errnoText(r.code)}\n`);
      else if (r.code === 'EISDIR') {
        if (headers) { ctx.stdout(`${first ? '' : '\n'}==> ${file} <==\n`); first = false; }
        ctx.stderr(`${ctx.name}: error reading ${quoteAlways(file)}: Is a directory\n`);
      } else ctx.stderr(`${ctx.name}: cannot open ${quoteAlways(file)} for reading: ${errnoText(r.code)}\n`);
      continue;
    }
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
    first = false;
    ctx.stdout(select(r.text, count, tail));
  }
  return status;
}

/** The head command. */
export function head(ctx: CommandContext): number {
  return headOrTail(ctx, false);
}

/** The tail command. */
export function tail(ctx: CommandContext): number {
  return headOrTail(ctx, true);
}
