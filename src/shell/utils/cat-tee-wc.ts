/**
 * cat (-n -b -s -E -T -A), tee (-a) and wc (-l -w -c -m -L, GNU's column width rule).
 * Messages as GNU coreutils prints them, busybox's in busybox containers.
 */
import type { CommandContext } from '../types.js';
import {
  errnoText, flavor, parseOpts, quoteIfNeeded, readOperand, reportOptError, writeBounded,
} from './common.js';

/** The cat command. */
export function cat(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, {
    bool: 'nbsETAuve',
    long: { number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-all': 'A' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const showEnds = f.has('E') || f.has('A') || f.has('e');
  const showTabs = f.has('T') || f.has('A');
  const plain = !f.has('n') && !f.has('b') && !f.has('s') && !showEnds && !showTabs;
  let status = 0;
  let lineNo = 0;
  let lastBlank = false;
  // A file that ends without a newline leaves its last line open: the next file continues it.
  let midLine = false;
  for (const file of parsed.operands.length === 0 ? ['-'] : parsed.operands) {
    const r = readOperand(ctx, file);
    if (!r.ok) {
      status = 1;
      if (!bb) ctx.stderr(`cat: ${quoteIfNeeded(file)}: ${errnoText(r.code)}\n`);
      else if (r.code === 'EISDIR') ctx.stderr(`cat: read error: Is a directory\n`);
      else ctx.stderr(`cat: can't open '${file}': ${errnoText(r.code)}\n`);
      continue;
    }
    if (plain) { ctx.stdout(r.text); continue; }
    let out = '';
    // Split keeping a last line without newline distinct from a finished one.
    const pieces = r.text.split('\n');
    for (let i = 0; i < pieces.length; i++) {
      const last = i === pieces.length - 1;
      if (last && pieces[i] === '') break;
      let line = pieces[i];
      const continues = i === 0 && midLine;
      const blank = line === '' && !last && !continues;
      if (f.has('s') && blank && lastBlank) continue;
      lastBlank = blank;
      if (showTabs) line = line.replace(/\t/g, '^I');
      if (!continues && (f.has('b') ? !blank : f.has('n'))) line = `${String(++lineNo).padStart(6)}\t${line}`;
      out += last ? line : `${line}${showEnds ? '$' : ''}\n`;
    }
    midLine = !r.text.endsWith('\n') && r.text !== '' ? true : r.text === '' ? midLine : false;
    ctx.stdout(out);
  }
  return status;
}

/** The tee command: standard input to standard output and to each file. */
export function tee(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, { bool: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const bb = flavor(ctx) === 'busybox';
  let status = 0;
  ctx.stdout(ctx.stdin);
  for (const file of parsed.operands) {
    if (file === '-' && !bb) { ctx.stdout(ctx.stdin); continue; }
    let data = ctx.stdin;
    if (parsed.flags.has('a')) {
      const before = readOperand(ctx, file);
      if (before.ok) data = before.text + data;
    }
    const code = writeBounded(ctx, file, data);
    if (code) {
      status = 1;
      ctx.stderr(bb ? `tee: can't open '${file}': ${errnoText(code)}\n` : `tee: ${quoteIfNeeded(file)}: ${errnoText(code)}\n`);
    }
  }
  return status;
}

interface WcCounts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function countText(text: string, bytes: number): WcCounts {
  let lines = 0, words = 0, chars = 0, maxLine = 0, col = 0, inWord = false;
  for (const ch of text) {
    chars++;
    if (ch === '\n') { lines++; maxLine = Math.max(maxLine, col); col = 0; }
    else if (ch === '\t') col += 8 - (col % 8);
    else col++;
    const space = /\s/.test(ch);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  maxLine = Math.max(maxLine, col);
  return { lines, words, chars, bytes, maxLine };
}

/** The wc command. */
export function wc(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, {
    bool: 'lwcmL',
    long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const bb = flavor(ctx) === 'busybox';
  const f = parsed.flags;
  const none = !['l', 'w', 'c', 'm', 'L'].some((k) => f.has(k));
  const pick = (c: WcCounts): number[] => {
    const cols: number[] = [];
    if (none || f.has('l')) cols.push(c.lines);
    if (none || f.has('w')) cols.push(c.words);
    if (f.has('m')) cols.push(c.chars);
    if (none || f.has('c')) cols.push(c.bytes);
    if (f.has('L')) cols.push(c.maxLine);
    return cols;
  };
  const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
  const results = files.map((file) => ({ file, r: readOperand(ctx, file), dir: ctx.fs.stat(file) === 'dir' }));
  // GNU's compute_number_width: digits of the regular files' total size, at least 7 when an
  // input is not a regular file (a pipe, a directory); 1 for a single count of a single file.
  const single = files.length === 1 && pick(countText('', 0)).length === 1;
  let width = 1;
  if (!single) {
    let total = 0, minimum = 1;
    for (const { file, r, dir } of results) {
      if (file === '-' || dir) minimum = 7;
      else if (r.ok) total += r.bytes;
    }
    width = Math.max(String(total).length, minimum);
  }
  if (bb) width = single ? 1 : 7;
  const sum: WcCounts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  let status = 0;
  const row = (c: WcCounts, name: string): string =>
    pick(c).map((n) => String(n).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
  for (const { file, r, dir } of results) {
    if (!r.ok) {
      status = 1;
      ctx.stderr(bb ? `wc: can't open '${file}': ${errnoText(r.code)}\n` : `wc: ${quoteIfNeeded(file)}: ${errnoText(r.code)}\n`);
      if (!dir) continue;
    }
    const c = r.ok ? countText(r.text, r.bytes) : countText('', 0);
    sum.lines += c.lines; sum.words += c.words; sum.chars += c.chars; sum.bytes += c.bytes;
    sum.maxLine = Math.max(sum.maxLine, c.maxLine);
    ctx.stdout(row(c, file === '-' && parsed.operands.length === 0 ? '' : file));
  }
  if (files.length > 1) ctx.stdout(row(sum, 'total'));
  return status;
}
