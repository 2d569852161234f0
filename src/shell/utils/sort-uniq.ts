/**
 * sort (-n -h -r -u -f -b -s -k F[.C][opts][,F[.C][opts]] -t -o) and uniq (-c -d -u -i, an
 * output file). Ordering is the C.UTF-8 locale's (code points), not a language locale's
 * collation. Not built: sort -V -M -g -c -m, uniq -f -s -w.
 */
import type { CommandContext } from '../types.js';
import {
  errnoText, flavor, parseOpts, quoteIfNeeded, quoteLocale, readOperand, reportOptError, splitLines, writeBounded,
} from './common.js';

interface KeyOpts { numeric: boolean; human: boolean; reverse: boolean; fold: boolean; blanks: boolean }
interface SortKey extends KeyOpts { startField: number; startChar: number; endField: number; endChar: number }

/** Parses one -k spec; GNU's message on error. */
export function parseKeySpec(spec: string, global: KeyOpts): SortKey | string {
  const m = /^(\d+)(?:\.(\d+))?([bdfghMnrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghMnrRV]*))?$/.exec(spec);
  if (!m) {
    const bad = /^\d/.test(spec) ? 'invalid' : 'invalid count at start of';
    return `invalid number at field start: ${bad} ${quoteLocale(spec)}`;
  }
  if (Number(m[1]) === 0) return `invalid number at field start: invalid count at start of ${quoteLocale(spec)}`;
  const letters = (m[3] ?? '') + (m[6] ?? '');
  const own = letters.replace(/b/g, '') !== '';
  return {
    startField: Number(m[1]), startChar: m[2] ? Number(m[2]) : 1,
    endField: m[4] ? Number(m[4]) : Infinity, endChar: m[5] ? Number(m[5]) : 0,
    numeric: own ? letters.includes('n') : global.numeric,
    human: own ? letters.includes('h') : global.human,
    reverse: own ? letters.includes('r') : global.reverse,
    fold: own ? letters.includes('f') : global.fold,
    blanks: letters.includes('b') || (!own && global.blanks),
  };
}

/** Fields of a line: split at `sep`, or (without -t) each field with its leading blanks. */
function fieldsOf(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(sep, start);
      out.push({ start, end: at < 0 ? line.length : at });
      if (at < 0) return out;
      start = at + sep.length;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function keyText(line: string, k: SortKey, sep: string | undefined): string {
  const fields = fieldsOf(line, sep);
  const sf = fields[k.startField - 1];
  if (!sf) return '';
  let from = sf.start;
  if (k.blanks) while (from < sf.end && /[ \t]/.test(line[from])) from++;
  from = Math.min(from + k.startChar - 1, sf.end);
  let to = line.length;
  if (k.endField !== Infinity) {
    const ef = fields[k.endField - 1];
    if (ef) to = k.endChar === 0 ? ef.end : Math.min(ef.start + k.endChar, ef.end);
  }
  return from <= to ? line.slice(from, to) : '';
}

const HUMAN = ' KMGTPEZYRQ';

function numberOf(s: string, human: boolean): { value: number; scale: number } {
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?([KMGTPEZYRQk]?)/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { value: 0, scale: 0 };
  const value = Number(`${m[1]}${m[2] || '0'}.${m[3] ?? ''}0`);
  const scale = human && m[4] ? HUMAN.indexOf(m[4].toUpperCase()) : 0;
  return { value, scale: value < 0 ? -scale : scale };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKey(a: string, b: string, k: KeyOpts): number {
  let r: number;
  if (k.numeric || k.human) {
    const x = numberOf(a, k.human), y = numberOf(b, k.human);
    r = k.human && x.scale !== y.scale ? x.scale - y.scale : x.value - y.value;
  } else {
    if (k.blanks) { a = a.trimStart(); b = b.trimStart(); }
    r = k.fold ? compareStrings(a.toUpperCase(), b.toUpperCase()) : compareStrings(a, b);
  }
  return k.reverse ? -r : r;
}

/** The sort command. */
export function sort(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, {
    bool: 'nhrufbs',
    withValue: 'kto',
    long: {
      'numeric-sort': 'n', 'human-numeric-sort': 'h', reverse: 'r', unique: 'u', 'ignore-case': 'f',
      'ignore-leading-blanks': 'b', stable: 's', key: 'k', 'field-separator': 't', output: 'o',
    },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 2);
  const f = parsed.flags;
  const global: KeyOpts = { numeric: f.has('n'), human: f.has('h'), reverse: f.has('r'), fold: f.has('f'), blanks: f.has('b') };
  const sep = f.get('t')?.at(-1);
  if (sep !== undefined && [...sep].length !== 1) {
    ctx.stderr(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab ${quoteLocale(sep)}\n`);
    return 2;
  }
  const keys: SortKey[] = [];
  for (const spec of f.get('k') ?? []) {
    const k = parseKeySpec(spec, global);
    if (typeof k === 'string') { ctx.stderr(`sort: ${k}\n`); return 2; }
    keys.push(k);
  }
  const lines: string[] = [];
  for (const file of parsed.operands.length === 0 ? ['-'] : parsed.operands) {
    const r = readOperand(ctx, file);
    if (!r.ok) {
      if (bb) ctx.stderr(`sort: can't open '${file}': ${errnoText(r.code)}\n`);
      else if (r.code === 'EISDIR') ctx.stderr(`sort: read failed: ${quoteIfNeeded(file)}: Is a directory\n`);
      else ctx.stderr(`sort: cannot read: ${quoteIfNeeded(file)}: ${errnoText(r.code)}\n`);
      return 2;
    }
    lines.push(...splitLines(r.text));
  }
  const byKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareKey(a, b, global);
    for (const k of keys) {
      const r = compareKey(keyText(a, k, sep), keyText(b, k, sep), k);
      if (r !== 0) return r;
    }
    return 0;
  };
  // GNU's last resort: equal keys compare as whole lines, byte order, unless -s or -u.
  const lastResort = !f.has('s') && !f.has('u') && (keys.length > 0 || global.numeric || global.human || global.fold || global.blanks);
  const cmp = (a: string, b: string): number => {
    const r = byKeys(a, b);
    if (r !== 0 || !lastResort) return r;
    const w = compareStrings(a, b);
    return global.reverse ? -w : w;
  };
  const sorted = [...lines].sort(cmp);
  const result = f.has('u') ? sorted.filter((l, i) => i === 0 || byKeys(sorted[i - 1], l) !== 0) : sorted;
  const text = result.map((l) => `${l}\n`).join('');
  const outFile = f.get('o')?.at(-1);
  if (outFile === undefined) { ctx.stdout(text); return 0; }
  const code = writeBounded(ctx, outFile, text);
  if (code) { ctx.stderr(`sort: open failed: ${quoteIfNeeded(outFile)}: ${errnoText(code)}\n`); return 2; }
  return 0;
}

/** The uniq command. */
export function uniq(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, {
    bool: 'cdui',
    long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const [input = '-', output, extra] = parsed.operands;
  if (extra !== undefined) {
    ctx.stderr(`uniq: extra operand ${quoteLocale(extra)}\nTry 'uniq --help' for more information.\n`);
    return 1;
  }
  const r = readOperand(ctx, input);
  if (!r.ok) {
    ctx.stderr(flavor(ctx) === 'busybox' ? `uniq: can't open '${input}': ${errnoText(r.code)}\n` : `uniq: ${quoteIfNeeded(input)}: ${errnoText(r.code)}\n`);
    return 1;
  }
  const same = (a: string, b: string): boolean => (f.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const lines = splitLines(r.text);
  let out = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && same(lines[i], lines[j])) j++;
    const n = j - i;
    const show = f.has('d') && f.has('u') ? false : f.has('d') ? n > 1 : f.has('u') ? n === 1 : true;
    if (show) out += `${f.has('c') ? `${String(n).padStart(7)} ` : ''}${lines[i]}\n`;
    i = j;
  }
  if (output === undefined) { ctx.stdout(out); return 0; }
  const code = writeBounded(ctx, output, out);
  if (code) { ctx.stderr(`uniq: ${quoteIfNeeded(output)}: ${errnoText(code)}\n`); return 1; }
  return 0;
}
