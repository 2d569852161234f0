/** Brace expansion (`{a,b}`, `{1..5}`, `{a..e..2}`): one word becomes several, before any other expansion. */
import type { PartOf, WordNode, WordPart } from '../ast.js';

/** Largest number of words one brace expansion may make. */
const MAX_BRACE_WORDS = 10_000;

/** The words a word's brace expansions make (the word itself when it has none). */
export function expandBraces(word: WordNode): WordNode[] {
  const i = word.parts.findIndex((p) => p.type === 'BraceExpansion');
  if (i < 0) return [word];
  const before = word.parts.slice(0, i);
  const after = word.parts.slice(i + 1);
  const out: WordNode[] = [];
  for (const alt of alternatives(word.parts[i] as PartOf<'BraceExpansion'>)) {
    for (const w of expandBraces({ type: 'Word', parts: [...before, ...alt, ...after] })) {
      out.push(w);
      if (out.length > MAX_BRACE_WORDS) return out;
    }
  }
  return out;
}

function alternatives(part: PartOf<'BraceExpansion'>): WordPart[][] {
  const out: WordPart[][] = [];
  for (const item of part.items) {
    if (item.type === 'Word') {
      out.push(item.word.parts);
      continue;
    }
    for (const v of range(item.start, item.end, item.step, item.startStr, item.endStr)) {
      out.push([{ type: 'SingleQuoted', value: v }]);
      if (out.length > MAX_BRACE_WORDS) return out;
    }
  }
  return out;
}

function range(start: string | number, end: string | number, step = 1, startStr?: string, endStr?: string): string[] {
  const by = Math.abs(step) || 1;
  if (typeof start === 'number' && typeof end === 'number') {
    // {01..10} pads to the wider of the two ends.
    const width = /^-?0\d/.test(startStr ?? '') || /^-?0\d/.test(endStr ?? '') ? Math.max((startStr ?? '').length, (endStr ?? '').length) : 0;
    const out: string[] = [];
    const dir = start <= end ? 1 : -1;
    for (let n = start; dir > 0 ? n <= end : n >= end; n += dir * by) {
      out.push(width > 0 ? pad(n, width) : String(n));
      if (out.length > MAX_BRACE_WORDS) break;
    }
    return out;
  }
  const a = String(start).charCodeAt(0);
  const b = String(end).charCodeAt(0);
  const out: string[] = [];
  const dir = a <= b ? 1 : -1;
  for (let c = a; dir > 0 ? c <= b : c >= b; c += dir * by) out.push(String.fromCharCode(c));
  return out;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(n < 0 ? width - 1 : width, '0');
  return n < 0 ? `-${s}` : s;
}
