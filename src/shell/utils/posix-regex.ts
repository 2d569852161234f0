/**
 * POSIX regular expressions (basic and extended, with GNU's extensions) translated to
 * JavaScript RegExp source, as GNU grep reads them: BRE `\(` `\)` `\{m,n\}` `\|` `\+` `\?`,
 * ERE as is, `\<` `\>` `\b` `\w` `\s`, back-references, bracket expressions with
 * `[:class:]`. Errors carry GNU grep's text. Fidelity limits: classes are ASCII (the C.UTF-8
 * locale), equivalence classes `[=a=]` and collating symbols `[.a.]` match their one
 * character, and JS backtracking picks the leftmost match but not always POSIX's longest.
 */

/** A translated pattern, or GNU grep's complaint about it. */
export type Translation = { ok: true; source: string; warnings: string[] } | { ok: false; error: string };

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~',
  graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

const BRACKET_ERROR = 'Unmatched [, [^, [:, [., or [=';

/** Escapes one character for use inside a JS character class (u flag). */
function classChar(c: string): string {
  return /[\\\]\[^\-]/.test(c) ? `\\${c}` : c;
}

/** Escapes a literal character outside a class (u flag). */
export function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Reads a bracket expression starting after `[`; returns the JS class and the index after `]`. */
function translateBracket(p: string, start: number): { source: string; end: number } | { error: string } {
  let i = start;
  let negate = false;
  if (p[i] === '^') { negate = true; i++; }
  const items: string[] = [];
  let first = true;
  while (i < p.length) {
    const c = p[i];
    if (c === ']' && !first) {
      const body = items.join('');
      // `[^]...]` and friends: an empty negated class still means "any character but newline".
      return { source: negate ? `[^${body}\\n]` : body === '' ? '(?!)' : `[${body}]`, end: i + 1 };
    }
    first = false;
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1];
      const close = p.indexOf(`${kind}]`, i + 2);
      if (close < 0) return { error: BRACKET_ERROR };
      const name = p.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return { error: 'Invalid character class name' };
        items.push(cls);
      } else {
        items.push([...name].map(classChar).join(''));
      }
      i = close + 2;
      continue;
    }
    // A range a-z; `-` first or last is literal.
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      const lo = c, hi = p[i + 2];
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) return { error: 'Invalid range end' };
      items.push(`${classChar(lo)}-${classChar(hi)}`);
      i += 3;
      continue;
    }
    items.push(classChar(c));
    i++;
  }
  return { error: BRACKET_ERROR };
}

/** Translates a POSIX pattern (BRE unless `extended`) to JS RegExp source for the `u` flag. */
export function translatePosix(p: string, extended: boolean): Translation {
  let out = '';
  const warnings: string[] = [];
  let depth = 0;
  // True where a repetition operator would have nothing to repeat (start, after `(`, `|`, `^`).
  let atStart = true;
  let i = 0;
  // Where the last atom began in `out`, and whether a quantifier already follows it: POSIX
  // stacks quantifiers (`a**`, `a{1,2}{3}`, ERE `a*?`), JS needs them grouped.
  let atomStart = 0;
  let quantified = false;
  const groupStarts: number[] = [];
  const atom = (text: string): void => { atomStart = out.length; out += text; quantified = false; };
  const quant = (text: string): void => {
    if (quantified) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
    out += text;
    quantified = true;
  };
  const open = (): void => { groupStarts.push(out.length); out += '('; depth++; atStart = true; quantified = false; };
  const close = (): void => { atomStart = groupStarts.pop()!; out += ')'; depth--; quantified = false; };
  const other = (text: string): void => { out += text; quantified = false; atomStart = out.length; };
  const interval = (from: number, closer: string): { text: string; end: number } | undefined => {
    const close = p.indexOf(closer, from);
    if (close < 0) return undefined;
    const body = p.slice(from, close);
    if (!/^\d*(,\d*)?$/.test(body) || body === '' || body === ',') return undefined;
    const [lo, hi] = body.split(',');
    if (hi !== undefined && hi !== '' && lo !== '' && Number(hi) < Number(lo)) return undefined;
    return { text: `{${lo === '' ? '0' : lo}${hi === undefined ? '' : `,${hi}`}}`, end: close + closer.length };
  };
  while (i < p.length) {
    const c = p[i];
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      const n = p[i + 1];
      i += 2;
      if (n === undefined) return { ok: false, error: 'Trailing backslash' };
      if (!extended && n === '(') { open(); continue; }
      if (!extended && n === ')') {
        if (depth === 0) return { ok: false, error: 'Unmatched ) or \\)' };
        close(); continue;
      }
      if (!extended && n === '|') { other('|'); atStart = true; continue; }
      if (!extended && n === '{') {
        if (wasStart) { atom('\\{'); continue; }
        const iv = interval(i, '\\}');
        if (!iv) return { ok: false, error: 'Unmatched \\{' };
        quant(iv.text); i = iv.end; continue;
      }
      if (!extended && (n === '+' || n === '?')) { if (wasStart) atom(`\\${n}`); else quant(n); continue; }
      if (n === '<') { other('\\b(?=\\w)'); continue; }
      if (n === '>') { other('\\b(?<=\\w)'); continue; }
      if ('bB'.includes(n)) { other(`\\${n}`); continue; }
      if ('wWsS'.includes(n) || /[1-9]/.test(n)) { atom(`\\${n}`); continue; }
      if (n === '`') { other('^'); continue; }
      if (n === "'") { other('$'); continue; }
      atom(escapeLiteral(n));
      continue;
    }
    if (c === '[') {
      const b = translateBracket(p, i + 1);
      if ('error' in b) return { ok: false, error: b.error };
      const inner = p.slice(i + 1, b.end - 1);
      if (/^:.*:$/.test(inner)) return { ok: false, error: 'character class syntax is [[:space:]], not [:space:]' };
      atom(b.source); i = b.end; continue;
    }
    if (c === '^') {
      if (extended || wasStart) { other('^'); atStart = true; } else atom('\\^');
      i++; continue;
    }
    if (c === '$') {
      const rest = p.slice(i + 1);
      const atEnd = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      if (atEnd) other('$'); else atom('\\$');
      i++; continue;
    }
    if (c === '*' || (extended && (c === '+' || c === '?'))) {
      i++;
      if (wasStart) {
        if (extended) { warnings.push(`${c} at start of expression`); atStart = true; } else atom(`\\${c}`);
        continue;
      }
      quant(c); continue;
    }
    if (extended && c === '{') {
      const iv = wasStart ? undefined : interval(i + 1, '}');
      if (!iv) { atom('\\{'); i++; continue; }
      quant(iv.text); i = iv.end; continue;
    }
    if (extended && c === '(') { open(); i++; continue; }
    if (extended && c === ')') {
      if (depth === 0) { atom('\\)'); i++; continue; }
      close(); i++; continue;
    }
    if (extended && c === '|') { other('|'); atStart = true; i++; continue; }
    if (c === '.') { atom('.'); i++; continue; }
    atom(escapeLiteral(c));
    i++;
  }
  if (depth > 0) return { ok: false, error: 'Unmatched ( or \\(' };
  return { ok: true, source: out, warnings };
}
