/**
 * grep as GNU grep 3.x behaves on Linux (busybox's in busybox containers): -E -F -G -i -v -c
 * -o -q -s -n -w -x -h -H -l -L -r -m, context lines (-A -B -C -NUM, `--` between groups),
 * several -e, `--`, `(standard input)`, exit 0 when a line was selected, 1 when none, 2 on
 * error (unless -q found one). Not built: colours, -z, -P, binary-file detection, context
 * with -o.
 */
import type { CommandContext } from '../types.js';
import { errnoText, flavor, INTERRUPTED, parseOpts, readOperand, reportOptError, splitLines, ChunkedOut } from './common.js';
import { escapeLiteral, translatePosix } from './posix-regex.js';

const LONG: Record<string, string> = {
  'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'ignore-case': 'i', 'invert-match': 'v',
  count: 'c', 'only-matching': 'o', quiet: 'q', silent: 'q', 'no-messages': 's', 'line-number': 'n',
  'word-regexp': 'w', 'line-regexp': 'x', 'no-filename': 'h', 'with-filename': 'H', 'files-with-matches': 'l',
  'files-without-match': 'L', regexp: 'e', file: 'f', recursive: 'r', 'max-count': 'm', 'no-ignore-case': 'I',
  'after-context': 'A', 'before-context': 'B', context: 'C',
};

const USAGE = `Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`;

/** Builds the one RegExp that selects lines, or returns grep's error text. */
export function compileGrepPatterns(
  patterns: string[],
  opts: { extended: boolean; fixed: boolean; ignoreCase: boolean; word: boolean; line: boolean },
): { ok: true; re: RegExp; warnings: string[] } | { ok: false; error: string } {
  const sources: string[] = [];
  const warnings: string[] = [];
  for (const p of patterns) {
    if (opts.fixed) { sources.push([...p].map(escapeLiteral).join('')); continue; }
    const t = translatePosix(p, opts.extended);
    if (!t.ok) return t;
    warnings.push(...t.warnings);
    sources.push(t.source);
  }
  let body = sources.length === 1 ? sources[0] : sources.map((s) => `(?:${s})`).join('|');
  if (opts.line) body = `^(?:${body})$`;
  else if (opts.word) body = `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`;
  try {
    return { ok: true, re: new RegExp(body, `gu${opts.ignoreCase ? 'i' : ''}`), warnings };
  } catch {
    // A translation JS still refuses (for instance a back-reference to a later group).
    return { ok: false, error: 'Invalid back reference' };
  }
}

/** The grep command. */
export async function grep(ctx: CommandContext): Promise<number> {
  const bb = flavor(ctx) === 'busybox';
  // `-5` is `-C 5`.
  const args = ctx.args.flatMap((a) => (/^-\d+$/.test(a) ? ['-C', a.slice(1)] : [a]));
  const parsed = parseOpts(args, { bool: 'EFGivcoqsnwxhHlLrRIy', withValue: 'efmABC', long: LONG });
  if ('kind' in parsed) {
    reportOptError(ctx, parsed, 2, '');
    if (!bb) ctx.stderr(USAGE);
    return 2;
  }
  const f = parsed.flags;
  const has = (c: string): boolean => f.has(c);
  let operands = parsed.operands;
  const patterns: string[] = [];
  for (const e of f.get('e') ?? []) patterns.push(...e.split('\n'));
  for (const file of f.get('f') ?? []) {
    const r = readOperand(ctx, file);
    if (!r.ok) { ctx.stderr(`grep: ${file}: ${errnoText(r.code)}\n`); return 2; }
    patterns.push(...splitLines(r.text));
  }
  if (!f.has('e') && !f.has('f')) {
    if (operands.length === 0) { ctx.stderr(bb ? 'grep: no pattern\n' : USAGE); return 2; }
    patterns.push(...operands[0].split('\n'));
    operands = operands.slice(1);
  }
  if (['E', 'F', 'G'].filter(has).length > 1) { ctx.stderr('grep: conflicting matchers specified\n'); return 2; }
  const compiled = compileGrepPatterns(patterns, {
    extended: has('E'),
    fixed: has('F'),
    ignoreCase: has('i') || has('y'),
    word: has('w'),
    line: has('x'),
  });
  if (!compiled.ok) { ctx.stderr(`grep: ${compiled.error}\n`); return 2; }
  for (const w of compiled.warnings) ctx.stderr(`grep: warning: ${w}\n`);
  const re = compiled.re;
  const maxCount = f.has('m') ? Number(f.get('m')!.at(-1)) : Infinity;
  if (Number.isNaN(maxCount)) { ctx.stderr('grep: invalid max count\n'); return 2; }
  const context = (k: string): number | string => {
    const v = f.get(k)?.at(-1) ?? f.get('C')?.at(-1) ?? '0';
    return /^\d+$/.test(v) ? Number(v) : `grep: ${v}: invalid context length argument\n`;
  };
  const after = context('A'), before = context('B');
  if (typeof after === 'string' || typeof before === 'string') {
    ctx.stderr(typeof after === 'string' ? after : (before as string));
    return 2;
  }
  const withContext = (after > 0 || before > 0) && !has('o') && !has('c') && !has('l') && !has('L');
  let lastPrinted = -1;
  let printedAny = false;

  const recursive = has('r') || has('R');
  // `grep -r x` names files as `a/b`, `grep -r x .` as `./a/b`.
  const files = recursive ? expandRecursive(ctx, operands.length === 0 ? [''] : operands) : operands.length === 0 ? ['-'] : operands;
  const withName = has('H') || (!has('h') && (files.length > 1 || recursive));
  const out = new ChunkedOut((t) => ctx.stdout(t));
  let anySelected = false;
  let error = false;

  for (const file of files) {
    if (ctx.signal.aborted) { out.flush(); return INTERRUPTED; }
    const r = readOperand(ctx, file);
    if (!r.ok) {
      error = true;
      if (!has('s')) ctx.stderr(`grep: ${file}: ${errnoText(r.code)}\n`);
      continue;
    }
    const label = file === '-' ? '(standard input)' : file;
    const prefix = withName ? `${label}:` : '';
    let count = 0;
    const lines = splitLines(r.text);
    // Context: lines printed so far in this file, and trailing lines still owed after a match.
    lastPrinted = -1;
    let owed = 0;
    const emit = (n: number, sep: string): void => {
      if (printedAny && lastPrinted !== n - 1 && withContext) out.push('--\n');
      out.push(`${withName ? `${label}${sep}` : ''}${has('n') ? `${n + 1}${sep}` : ''}${lines[n]}\n`);
      lastPrinted = n;
      printedAny = true;
    };
    for (let n = 0; n < lines.length && (count < maxCount || owed > 0); n++) {
      const line = lines[n];
      re.lastIndex = 0;
      const matched = re.test(line);
      if (matched === has('v') || count >= maxCount) {
        if (withContext && owed > 0) { emit(n, '-'); owed--; }
        continue;
      }
      count++;
      anySelected = true;
      if (has('q')) { out.flush(); return 0; }
      if (has('c') || has('l') || has('L')) continue;
      const lead = `${prefix}${has('n') ? `${n + 1}:` : ''}`;
      if (withContext) {
        for (let b = Math.max(lastPrinted + 1, n - before); b < n; b++) emit(b, '-');
        emit(n, ':');
        owed = after;
        continue;
      }
      if (!has('o')) { out.push(`${lead}${line}\n`); continue; }
      if (has('v')) continue;
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0] !== '') out.push(`${lead}${m[0]}\n`);
    }
    if (has('c')) out.push(`${prefix}${count}\n`);
    if (has('l') && count > 0) out.push(`${label}\n`);
    if (has('L') && count === 0) out.push(`${label}\n`);
  }
  out.flush();
  if (error && !(has('q') && anySelected)) return 2;
  return anySelected ? 0 : 1;
}

/** Files under the operands, depth first in name order, as `grep -r` lists them. */
function expandRecursive(ctx: CommandContext, operands: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    if (ctx.fs.stat(path || '.') !== 'dir') { files.push(path); return; }
    for (const name of ctx.fs.readDir(path || '.')) walk(path === '' ? name : `${path.replace(/\/$/, '')}/${name}`);
  };
  for (const op of operands) {
    if (op === '-') files.push(op);
    else walk(op);
  }
  return files;
}
