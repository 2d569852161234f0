/**
 * The `-l` label query as apimachinery's labels.Parse reads it: `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by commas.
 */
import { KubectlError } from '../errors.js';

/** One parsed requirement. */
interface Requirement {
  key: string;
  op: 'eq' | 'ne' | 'in' | 'notin' | 'exists' | 'absent';
  values: string[];
}

/** A parsed selector: a predicate over labels. */
export type LabelPredicate = (labels: Record<string, string>) => boolean;

/** Parses `text`; throws kubectl's error for malformed queries. */
export function parseLabelSelector(text: string): LabelPredicate {
  const reqs = splitTerms(text.trim()).map(parseTerm);
  return (labels) => reqs.every((r) => matches(r, labels));
}

function splitTerms(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function parseTerm(term: string): Requirement {
  let m = /^!\s*([\w./-]+)$/.exec(term);
  if (m) return { key: m[1], op: 'absent', values: [] };
  m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) return { key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()) };
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
  if (m) return { key: m[1], op: m[2] === '!=' ? 'ne' : 'eq', values: [m[3]] };
  m = /^([\w./-]+)$/.exec(term);
  if (m) return { key: m[1], op: 'exists', values: [] };
  throw new KubectlError(`unable to parse requirement: found '${term}', expected: identifier`);
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'eq':
    case 'in':
      return has && r.values.includes(labels[r.key]);
    case 'ne':
    case 'notin':
      return !has || !r.values.includes(labels[r.key]);
    case 'exists':
      return has;
    case 'absent':
      return !has;
  }
}
