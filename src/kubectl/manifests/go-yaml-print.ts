/**
 * `-o yaml` as kubectl prints it (sigs.k8s.io/yaml JSONToYAML on go-yaml v2's emitter):
 * map keys sorted, two-space indent, sequences not indented under their key, strings quoted
 * only when plain style would change their meaning (`"1.14"`, `"true"`, `""`) or is not
 * allowed (`'*'`, leading spaces), multi-line strings as `|` blocks, long plain strings folded
 * after column 80.
 * Fidelity limits: go-yaml's natural key order is approximated by digit-aware comparison;
 * double-quoted strings are never folded.
 */
import { resolvePlain } from './yaml-to-json.js';

/** The YAML text of a JSON value, ending with a newline. */
export function toGoYaml(value: unknown): string {
  const lines: string[] = [];
  emit(value, 0, lines, null);
  return lines.join('\n') + '\n';
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function emit(value: unknown, indent: number, out: string[], prefix: string | null): void {
  const pad = ' '.repeat(indent);
  if (isMap(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort(naturalLess);
    if (keys.length === 0) {
      out.push(prefix === null ? `${pad}{}` : `${prefix} {}`);
      return;
    }
    let first = true;
    for (const k of keys) {
      const keyText = scalar(k, indent, true);
      const head = first && prefix !== null && prefix.trimStart().startsWith('-') ? `${prefix} ${keyText}:` : `${pad}${keyText}:`;
      if (first && prefix !== null && !prefix.trimStart().startsWith('-')) out.push(prefix);
      first = false;
      writeEntry(value[k], indent, head, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(prefix === null ? `${pad}[]` : `${prefix} []`);
      return;
    }
    if (prefix !== null) out.push(prefix);
    for (const item of value) {
      if (isMap(item) && Object.keys(item).length > 0) emit(item, indent + 2, out, `${pad}-`);
      else if (Array.isArray(item) && item.length > 0) {
        out.push(`${pad}-`);
        emit(item, indent + 2, out, null);
      } else writeEntry(item, indent, `${pad}-`, out);
    }
    return;
  }
  out.push(prefix === null ? `${pad}${scalar(value, indent, false)}` : `${prefix} ${scalar(value, indent, false)}`);
}

/** Writes `head` followed by the value: inline for scalars and empty collections, nested otherwise. */
function writeEntry(v: unknown, indent: number, head: string, out: string[]): void {
  if (isMap(v) && Object.keys(v).length === 0) out.push(`${head} {}`);
  else if (Array.isArray(v) && v.length === 0) out.push(`${head} []`);
  else if (isMap(v)) {
    out.push(head);
    emit(v, indent + 2, out, null);
  } else if (Array.isArray(v) && v.length > 0) {
    out.push(head);
    // go-yaml v2 does not indent a sequence under a mapping key, even the first key of a `- ` item.
    emit(v, indent, out, null);
  } else if (typeof v === 'string' && v.includes('\n')) {
    out.push(`${head} ${literalHeader(v)}`);
    const body = v.endsWith('\n') ? v.slice(0, -1) : v;
    const inner = ' '.repeat(indent + 2);
    for (const line of body.split('\n')) out.push(line === '' ? '' : `${inner}${line}`);
  } else {
    const text = scalar(v, indent, false);
    out.push(foldPlain(`${head} ${text}`, v, indent + 2));
  }
}

function literalHeader(s: string): string {
  const chomp = s.endsWith('\n\n') ? '+' : s.endsWith('\n') ? '' : '-';
  return s.startsWith(' ') ? `|2${chomp}` : `|${chomp}`;
}

function scalar(v: unknown, _indent: number, isKey: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  const s = String(v);
  if (s === '') return '""';
  const plainMeansString = typeof resolvePlain(s) === 'string' && !/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s) && !isGoYamlTimestamp(s);
  if (!plainMeansString) return `"${s}"`;
  if (plainAllowed(s, isKey)) return s;
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return JSON.stringify(s);
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * go-yaml v2 resolve's parseTimestamp: a plain scalar of 4 digits, `-`, then one of the layouts
 * `2006-1-2T15:4:5.999999999Z07:00` (or `t`), `2006-1-2 15:4:5.999999999`, `2006-1-2` reads as
 * a timestamp, so a string like that is double-quoted (`creationTimestamp: "2025-08-19T09:00:00Z"`).
 */
function isGoYamlTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysIn) return false;
  const [h, min, sec] = [m[4] ?? m[7], m[5] ?? m[8], m[6] ?? m[9]].map((x) => Number(x ?? 0));
  return h < 24 && min < 60 && sec < 60;
}

/** go-yaml's analyze_scalar, for the plain style. */
function plainAllowed(s: string, _isKey: boolean): boolean {
  if (s.startsWith(' ') || s.endsWith(' ') || s.startsWith('\t')) return false;
  if (/^(---|\.\.\.)/.test(s)) return false;
  const first = s[0];
  if (',[]{}#&*!|>\'"%@`'.includes(first)) return false;
  if ((first === '-' || first === '?' || first === ':') && (s.length === 1 || s[1] === ' ')) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (/[\t\r\n\u0085\u2028\u2029]/.test(s)) return false;
  return true;
}

/** Folds a long plain scalar at spaces once the line passes column 80 (go-yaml best_width). */
function foldPlain(line: string, v: unknown, contIndent: number): string {
  if (typeof v !== 'string' || line.length <= 80 || line.endsWith("'") || line.endsWith('"')) return line;
  let out = '';
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' && col > 80 && line[i + 1] !== ' ' && line[i - 1] !== ' ' && i > line.indexOf(': ')) {
      out += '\n' + ' '.repeat(contIndent);
      col = contIndent;
      continue;
    }
    out += c;
    col++;
  }
  return out;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) as go-yaml prints numbers (ints stay ints). */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

/** go-yaml keyList.Less: digit runs compare as numbers, other runes by code point. */
function naturalLess(a: string, b: string): number {
  const ra = a.match(/\d+|\D/g) ?? [];
  const rb = b.match(/\d+|\D/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}
