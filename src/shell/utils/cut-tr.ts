/**
 * cut (-b -c -f with lists `1,3-5,7-`, -d, -s, --complement, --output-delimiter) and tr (sets
 * with ranges, escapes, `[:class:]`, `[c*n]`; -d -s -c). GNU coreutils messages. Fidelity
 * limit: cut -b and -c both count characters, not bytes.
 */
import type { CommandContext } from '../types.js';
import { errnoText, parseOpts, quoteIfNeeded, quoteLocale, readOperand, reportOptError, usageError } from './common.js';

type Range = [number, number];

/** Parses a cut list (`1,3-5,7-`) into ranges, or GNU's complaint. */
export function parseCutList(list: string, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]+/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') {
      if (part === '-') return 'invalid range with no endpoint: -';
      if (part === '') return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
      if (/^[\d-]+$/.test(part)) return fields ? 'invalid field range' : 'invalid byte or character range';
      return `invalid ${fields ? 'field value' : 'byte/character position'} ${quoteLocale(part)}`;
    }
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}

/** The cut command. */
export function cut(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, {
    bool: 'snC',
    withValue: 'bcfdO',
    long: { bytes: 'b', characters: 'c', fields: 'f', delimiter: 'd', 'only-delimited': 's', complement: 'C', 'output-delimiter': 'O' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const modes = ['b', 'c', 'f'].filter((k) => f.has(k));
  if (modes.length === 0) return usageError(ctx, 'you must specify a list of bytes, characters, or fields');
  if (modes.length > 1) return usageError(ctx, 'only one list may be specified');
  const mode = modes[0];
  const ranges = parseCutList(f.get(mode)!.at(-1)!, mode === 'f');
  if (typeof ranges === 'string') return usageError(ctx, ranges);
  const delim = f.get('d')?.at(-1) ?? '\t';
  if (f.has('d') && [...delim].length !== 1) return usageError(ctx, 'the delimiter must be a single character');
  if (mode !== 'f' && f.has('d')) return usageError(ctx, 'an input delimiter may be specified only when operating on fields');
  if (mode !== 'f' && f.has('s')) return usageError(ctx, 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  const complement = f.has('C');
  const outDelim = f.get('O')?.at(-1) ?? (mode === 'f' ? delim : '');
  const wanted = (i: number): boolean => ranges.some(([lo, hi]) => i >= lo && i <= hi) !== complement;

  let status = 0;
  let out = '';
  for (const file of parsed.operands.length === 0 ? ['-'] : parsed.operands) {
    const r = readOperand(ctx, file);
    if (!r.ok) { status = 1; ctx.stderr(`cut: ${quoteIfNeeded(file)}: ${errnoText(r.code)}\n`); continue; }
    const pieces = r.text.split('\n');
    if (pieces[pieces.length - 1] === '') pieces.pop();
    for (const line of pieces) {
      if (mode === 'f') {
        if (!line.includes(delim)) { if (!f.has('s')) out += `${line}\n`; continue; }
        out += `${line.split(delim).filter((_, i) => wanted(i + 1)).join(outDelim)}\n`;
      } else {
        // Adjacent selected positions join without the output delimiter; gaps get it (GNU).
        let text = '', prev = -2;
        [...line].forEach((ch, i) => {
          if (!wanted(i + 1)) return;
          if (outDelim && prev >= 0 && i !== prev + 1) text += outDelim;
          text += ch; prev = i;
        });
        out += `${text}\n`;
      }
    }
  }
  ctx.stdout(out);
  return status;
}

const TR_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: '\t\n\v\f\r ',
  blank: ' \t', punct: '!-/:-@[-`{-~', print: ' -~', graph: '!-~', cntrl: '\0-\x1f\x7f', xdigit: '0-9A-Fa-f',
};

/** Expands ranges `a-z` in already unescaped text. */
function expandRanges(s: string[]): string[] | string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const lo = s[i].codePointAt(0)!, hi = s[i + 2].codePointAt(0)!;
      if (hi < lo) return `range-endpoints of '${s[i]}-${s[i + 2]}' are in reverse collating sequence order`;
      for (let c = lo; c <= hi; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

/** Expands a tr set into its characters; `[c*]` (fill) is returned as a marker for SET2. */
export function expandTrSet(set: string): { chars: string[]; fillAt?: number } | string {
  const chars: string[] = [];
  let fillAt: number | undefined;
  let pending: string[] = [];
  const flush = (): string | undefined => {
    const r = expandRanges(pending);
    if (typeof r === 'string') return r;
    chars.push(...r); pending = []; return undefined;
  };
  for (let i = 0; i < set.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls) {
      const err = flush(); if (err) return err;
      const body = TR_CLASSES[cls[1]];
      if (body === undefined) return `invalid character class ${quoteLocale(cls[1])}`;
      const r = expandRanges([...body]);
      chars.push(...(r as string[]));
      i += cls[0].length; continue;
    }
    const rep = /^\[(\\?.)\*(\d*)\]/s.exec(set.slice(i));
    if (rep) {
      const err = flush(); if (err) return err;
      const ch = rep[1].length === 2 ? unescape(rep[1][1]) : rep[1];
      if (rep[2] === '' || Number(rep[2]) === 0) fillAt = chars.length, chars.push(ch);
      else for (let k = 0; k < Number(rep[2]); k++) chars.push(ch);
      i += rep[0].length; continue;
    }
    if (set[i] === '\\' && i + 1 < set.length) {
      const oct = /^\\([0-7]{1,3})/.exec(set.slice(i));
      if (oct) { pending.push(String.fromCharCode(parseInt(oct[1], 8))); i += oct[0].length; continue; }
      pending.push(unescape(set[i + 1])); i += 2; continue;
    }
    pending.push(set[i]); i++;
  }
  const err = flush(); if (err) return err;
  return { chars, fillAt };
}

function unescape(c: string): string {
  return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[c] ?? c;
}

/** The tr command. */
export function tr(ctx: CommandContext): number {
  const parsed = parseOpts(ctx.args, { bool: 'dscCt', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c', 'truncate-set1': 't' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const [a, b, extra] = parsed.operands;
  const del = f.has('d'), squeeze = f.has('s'), comp = f.has('c') || f.has('C');
  const needTwo = !del && !(squeeze && b === undefined);
  if (a === undefined) return usageError(ctx, 'missing operand');
  if (needTwo && b === undefined) {
    ctx.stderr(`tr: missing operand after ${quoteLocale(a)}\nTwo strings must be given when translating.\n`);
    ctx.stderr(`Try 'tr --help' for more information.\n`);
    return 1;
  }
  if (extra !== undefined || (del && !squeeze && b !== undefined)) {
    const op = extra ?? b!;
    ctx.stderr(`tr: extra operand ${quoteLocale(op)}\n`);
    if (del && !squeeze) ctx.stderr('Only one string may be given when deleting without squeezing repeats.\n');
    ctx.stderr(`Try 'tr --help' for more information.\n`);
    return 1;
  }
  const s1 = expandTrSet(a);
  if (typeof s1 === 'string') { ctx.stderr(`tr: ${s1}\n`); return 1; }
  const s2 = b === undefined ? undefined : expandTrSet(b);
  if (typeof s2 === 'string') { ctx.stderr(`tr: ${s2}\n`); return 1; }
  const set1 = new Set(s1.chars);
  const in1 = (c: string): boolean => set1.has(c) !== comp;
  const map = new Map<string, string>();
  if (!del && s2) {
    const targets = [...s2.chars];
    if (s2.fillAt !== undefined) {
      const fill = targets[s2.fillAt];
      const need = Math.max(0, s1.chars.length - (targets.length - 1));
      targets.splice(s2.fillAt, 1, ...Array<string>(need).fill(fill));
    }
    if (comp) {
      // Complemented SET1 maps every other character to SET2's last (GNU's common use: -c ... '\n').
      const last = targets[targets.length - 1];
      return runTr(ctx, (c) => (set1.has(c) ? c : last), () => false, squeeze ? new Set(targets) : undefined);
    }
    s1.chars.forEach((c, i) => map.set(c, targets[Math.min(i, targets.length - 1)] ?? c));
  }
  // -s squeezes SET2's characters when there is a SET2, else SET1's.
  const squeezeSet = squeeze && s2 ? new Set(s2.chars) : undefined;
  const squeezeIf = squeeze && !s2 ? in1 : undefined;
  const deleteIf = del ? in1 : () => false;
  return runTr(ctx, (c) => map.get(c) ?? c, deleteIf, squeezeSet, squeezeIf);
}

function runTr(
  ctx: CommandContext, translate: (c: string) => string, drop: (c: string) => boolean,
  squeezeSet?: Set<string>, squeezeIf?: (c: string) => boolean,
): number {
  let out = '';
  let last: string | undefined;
  for (const ch of ctx.stdin) {
    if (drop(ch)) continue;
    const t = translate(ch);
    const squeezable = squeezeIf ? squeezeIf(t) : squeezeSet?.has(t) ?? false;
    if (squeezable && t === last) continue;
    out += t;
    last = t;
  }
  ctx.stdout(out);
  return 0;
}
