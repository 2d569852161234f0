/**
 * What the utilities share: which tool family answers (GNU on the workstation, busybox in a
 * busybox container), GNU's three ways of quoting a name in a message, errno texts, reading
 * an operand (`-` is standard input), bounded writes, and a small getopt.
 */
import { FsError, decodeText } from '../../workspace/workspace-fs.js';
import type { CommandContext } from '../types.js';

/** Which implementation's messages a command prints. */
export type Flavor = 'gnu' | 'busybox';

/** 'busybox' inside a container whose image is busybox (`busybox`, `busybox:1.36`, `docker.io/library/busybox`), else 'gnu'. */
export function flavor(ctx: Pick<CommandContext, 'place'>): Flavor {
  if (ctx.place.kind !== 'container') return 'gnu';
  const repo = ctx.place.image.split('@')[0].replace(/:[^/:]*$/, '');
  return repo.split('/').pop() === 'busybox' ? 'busybox' : 'gnu';
}

/** strerror(3) texts for the codes the workspace raises. */
export function errnoText(code: FsError['code']): string {
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
    case 'EEXIST': return 'File exists';
    case 'EACCES': return 'Permission denied';
    case 'ENOTEMPTY': return 'Directory not empty';
    case 'EFBIG': return 'File too large';
    case 'ENOSPC': return 'No space left on device';
  }
}

/** The errno code of an error thrown by the workspace; other errors are kubelab bugs and rethrown. */
export function fsCode(err: unknown): FsError['code'] {
  if (err instanceof FsError) return err.code;
  throw err;
}

/** GNU quoteaf (shell-escape-always): `'x'`, with `'` written as `'\''`. */
export function quoteAlways(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** GNU quotef (shell-escape): the name as is when it needs no quoting, else as quoteAlways. */
export function quoteIfNeeded(s: string): string {
  return s !== '' && /^[A-Za-z0-9_./:,+@%=^-]+$/.test(s) ? s : quoteAlways(s);
}

/** GNU quote() in a UTF-8 locale: `‘x’`. */
export function quoteLocale(s: string): string {
  return `‘${s}’`;
}

/** The outcome of reading one operand. */
export type ReadResult = { ok: true; text: string; bytes: number } | { ok: false; code: FsError['code'] };

/** Reads an operand as UTF-8 text; `-` is standard input. Never throws for a user's mistake. */
export function readOperand(ctx: CommandContext, path: string): ReadResult {
  if (path === '-') return { ok: true, text: ctx.stdin, bytes: Buffer.byteLength(ctx.stdin) };
  try {
    const data = ctx.fs.readFile(path);
    return { ok: true, text: decodeText(data), bytes: data.length };
  } catch (err) {
    return { ok: false, code: fsCode(err) };
  }
}

/** Writes a file within ctx.limits.maxFileBytes; returns the errno code instead of throwing. */
export function writeBounded(ctx: CommandContext, path: string, data: string | Uint8Array): FsError['code'] | undefined {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > ctx.limits.maxFileBytes) return 'EFBIG';
  try {
    ctx.fs.writeFile(path, data);
    return undefined;
  } catch (err) {
    return fsCode(err);
  }
}

/** Splits text into lines without their newlines; a final newline does not make an empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Exit status of a command stopped by Ctrl-C or a limit. */
export const INTERRUPTED = 130;

/** Collects output and hands it on in chunks of 64 KiB, so long producers stay cheap. */
export class ChunkedOut {
  private buf = '';
  constructor(private readonly write: (text: string) => void) {}
  /** Appends text. */
  push(text: string): void {
    this.buf += text;
    if (this.buf.length >= 65536) this.flush();
  }
  /** Hands on what is buffered. */
  flush(): void {
    if (this.buf !== '') this.write(this.buf);
    this.buf = '';
  }
}

/** Options as parsed: each letter (or long name) with the values given, in order. */
export interface ParsedOpts {
  flags: Map<string, string[]>;
  operands: string[];
  /** Every option letter in the order given (the last of two rivals wins). */
  order: string[];
}

/** What a command accepts: letters without a value, letters taking one, long names mapped to letters. */
export interface OptSpec {
  bool: string;
  withValue?: string;
  /** `--long` → letter; a letter in withValue takes `--long=v` or `--long v`. */
  long?: Record<string, string>;
  /** Stop at the first operand (POSIX order) instead of GNU's permutation. */
  posixOrder?: boolean;
}

/** Why parsing failed, in getopt's words. */
export type OptError = { kind: 'invalid'; opt: string } | { kind: 'missing'; opt: string } | { kind: 'unrecognized'; opt: string };

/** GNU getopt_long, small: clustered letters, `-nVALUE`, `--`, permutation. */
export function parseOpts(args: string[], spec: OptSpec): ParsedOpts | OptError {
  const flags = new Map<string, string[]>();
  const operands: string[] = [];
  const order: string[] = [];
  const add = (k: string, v: string): void => {
    flags.set(k, [...(flags.get(k) ?? []), v]);
    order.push(k);
  };
  const takes = (c: string): boolean => (spec.withValue ?? '').includes(c);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long ?? {}).filter((k) => k.startsWith(name));
      const key = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (key === undefined) return { kind: 'unrecognized', opt: a };
      const letter = spec.long![key];
      if (takes(letter)) {
        if (eq >= 0) add(letter, a.slice(eq + 1));
        else if (i + 1 < args.length) add(letter, args[++i]);
        else return { kind: 'missing', opt: `--${key}` };
      } else add(letter, '');
      continue;
    }
    if (a.length < 2 || a[0] !== '-') {
      if (spec.posixOrder) { operands.push(...args.slice(i)); break; }
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (takes(c)) {
        if (j + 1 < a.length) add(c, a.slice(j + 1));
        else if (i + 1 < args.length) add(c, args[++i]);
        else return { kind: 'missing', opt: c };
        break;
      }
      if (!spec.bool.includes(c)) return { kind: 'invalid', opt: c };
      add(c, '');
    }
  }
  return { flags, operands, order };
}

/** Prints getopt's complaint the way the flavor does, then the hint; returns `status`. */
export function reportOptError(ctx: CommandContext, e: OptError, status: number, hint?: string): number {
  const text =
    e.kind === 'invalid' ? `invalid option -- '${e.opt}'`
    : e.kind === 'unrecognized' ? `unrecognized option '${e.opt}'`
    : e.opt.startsWith('--') ? `option '${e.opt}' requires an argument`
    : `option requires an argument -- '${e.opt}'`;
  ctx.stderr(`${ctx.name}: ${text}\n`);
  if (flavor(ctx) === 'busybox') ctx.stderr(`BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n`);
  else ctx.stderr(hint ?? `Try '${ctx.name} --help' for more information.\n`);
  return status;
}

/** Prints `name: message` plus GNU's `Try '--help'` line (busybox prints only the first); returns 1 or `status`. */
export function usageError(ctx: CommandContext, message: string, status = 1): number {
  ctx.stderr(`${ctx.name}: ${message}\n`);
  if (flavor(ctx) === 'gnu') ctx.stderr(`Try '${ctx.name} --help' for more information.\n`);
  return status;
}
