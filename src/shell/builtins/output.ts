/** `echo`, `printf`, `true`, `false`, `:`, `clear` and `sleep` (on the virtual clock). */
import type { CommandContext, CommandFn } from '../types.js';
import type { Builtin } from './index.js';

/** bash's echo: `-n` drops the newline, `-e` reads backslash escapes, `-E` does not. */
function echo(ctx: CommandContext): number {
  const args = [...ctx.args];
  let newline = true;
  let escapes = false;
  while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
    const flags = args.shift()!;
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
    if (flags.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) {
    const r = interpretEscapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.stdout(newline ? `${text}\n` : text);
  return 0;
}

/** Backslash escapes of `echo -e`, `printf` formats and `%b`; `\c` stops the output. */
export function interpretEscapes(s: string, echoStyle: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };
    if (c in simple) out += simple[c];
    else if (c === 'c') return { text: out, stop: true };
    else if (echoStyle && c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length;
    } else if (!echoStyle && /[0-7]/.test(c)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length - 1;
    } else if (c === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (!echoStyle && (c === '"' || c === "'")) out += c;
    else out += `\\${c}`;
  }
  return { text: out, stop: false };
}

/** printf FORMAT [ARG]...: the format is reused while arguments remain. */
function printf(ctx: CommandContext): number {
  if (ctx.args.length === 0) {
    ctx.stderr('printf: usage: printf format [arguments]\n');
    return 2;
  }
  const [format, ...rest] = ctx.args;
  let args = rest;
  let status = 0;
  let out = '';
  do {
    let used = 0;
    const next = () => (used < args.length ? args[used++] : undefined);
    const spec = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sdiuxXofeEgGcbq%])/g;
    let last = 0;
    let stop = false;
    for (let m = spec.exec(format); m; m = spec.exec(format)) {
      const lit = interpretEscapes(format.slice(last, m.index), false);
      out += lit.text;
      last = spec.lastIndex;
      const [, flags, widthSpec, precSpec, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = widthSpec === '*' ? Number(next() ?? 0) : widthSpec ? Number(widthSpec) : 0;
      const prec = precSpec === '*' ? Number(next() ?? 0) : precSpec !== undefined ? Number(precSpec) : undefined;
      const arg = next();
      let body: string;
      if (conv === 's' || conv === 'q') body = prec !== undefined ? (arg ?? '').slice(0, prec) : (arg ?? '');
      else if (conv === 'b') {
        const r = interpretEscapes(arg ?? '', true);
        body = r.text;
        stop = r.stop;
      } else if (conv === 'c') body = (arg ?? '').slice(0, 1);
      else {
        const n = Number(arg === undefined || arg === '' ? 0 : /^'./.test(arg) ? arg.charCodeAt(1) : arg);
        if (Number.isNaN(n)) {
          ctx.stderr(`printf: ${arg}: invalid number\n`);
          status = 1;
        }
        const v = Number.isNaN(n) ? 0 : n;
        body = formatNumber(v, conv, prec, flags);
      }
      const padChar = flags.includes('0') && !flags.includes('-') && !'sbcq'.includes(conv) ? '0' : ' ';
      if (body.length < width) {
        body = flags.includes('-') ? body.padEnd(width) : padChar === '0' && /^[-+]/.test(body) ? body[0] + body.slice(1).padStart(width - 1, '0') : body.padStart(width, padChar);
      }
      out += body;
      if (stop) break;
    }
    if (!stop) out += interpretEscapes(format.slice(last), false).text;
    if (stop) break;
    args = args.slice(used);
    if (used === 0) break;
  } while (args.length > 0);
  ctx.stdout(out);
  return status;
}

function formatNumber(v: number, conv: string, prec: number | undefined, flags: string): string {
  const sign = (s: string) => (v >= 0 && flags.includes('+') ? `+${s}` : v >= 0 && flags.includes(' ') ? ` ${s}` : s);
  switch (conv) {
    case 'd':
    case 'i':
    case 'u':
      return sign(String(Math.trunc(v)));
    case 'x':
      return Math.trunc(v).toString(16);
    case 'X':
      return Math.trunc(v).toString(16).toUpperCase();
    case 'o':
      return Math.trunc(v).toString(8);
    case 'e':
    case 'E': {
      const s = v.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return sign(conv === 'E' ? s.toUpperCase() : s);
    }
    case 'g':
    case 'G':
      return sign(String(Number(v.toPrecision(prec || 6))));
    default:
      return sign(v.toFixed(prec ?? 6));
  }
}

/** Parses a sleep argument (`1`, `0.5`, `1s`, `2m`, `1h`, `1d`) into ms; undefined if invalid. */
export function parseSleep(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * unit);
}

/** sleep DURATION...: lets virtual time pass (the sum of the arguments). */
async function sleep(ctx: CommandContext): Promise<number> {
  if (ctx.args.length === 0) {
    ctx.stderr('sleep: missing operand\n');
    return 1;
  }
  let ms = 0;
  for (const a of ctx.args) {
    const v = parseSleep(a);
    if (v === undefined) {
      ctx.stderr(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    ms += v;
  }
  await ctx.time.sleep(ms, ctx.signal);
  return ctx.signal.aborted ? 130 : 0;
}

/** Output builtins, by name. */
export const OUTPUT_BUILTINS: Record<string, Builtin> = {
  echo,
  printf,
  sleep,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  // The terminal's clear-screen sequence, as `clear` writes it for xterm.
  clear: (ctx) => {
    ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

/** The output builtins that are also programs on an image's PATH (/bin/echo, /bin/sleep, ...), for `kubectl exec`. */
export const OUTPUT_PROGRAMS: Record<string, CommandFn> = {
  echo,
  printf,
  sleep,
  true: () => 0,
  false: () => 1,
};
