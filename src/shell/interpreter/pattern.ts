/**
 * Shell patterns (`*`, `?`, `[a-z]`, `[!x]`, backslash escapes) for `case`, `[[ == ]]`,
 * `${x#pat}` and pathname expansion. Pathname expansion walks the place's file system only,
 * so a pattern can never list anything outside the workspace.
 */
import type { WorkspaceFs } from '../../workspace/workspace-fs.js';

/** True if the text has an unescaped glob character. */
export function hasGlob(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*' || text[i] === '?' || text[i] === '[') return true;
  }
  return false;
}

/** Escapes text so that it matches only itself as a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** The pattern as a regular expression source (no anchors). `greedy` false makes `*` lazy. */
export function patternSource(pattern: string, greedy = true): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRegex(pattern[++i]);
    } else if (c === '*') {
      re += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      let cls = '';
      for (let k = 0; k < body.length; k++) {
        const ch = body[k];
        if (ch === '\\' && k + 1 < body.length) cls += '\\' + body[++k];
        else if (ch === '[' && body[k + 1] === ':' && body.indexOf(':]', k) > 0) {
          const close = body.indexOf(':]', k);
          cls += POSIX_CLASSES[body.slice(k + 2, close)] ?? '';
          k = close + 1;
        } else cls += ch === '-' ? '-' : ch.replace(/[\]\\^[]/, '\\$&');
      }
      re += `[${negate ? '^' : ''}${cls}]`;
      i = end;
    } else re += escapeRegex(c);
  }
  return re;
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f',
  punct: '!-/:-@\\[-`{-~',
};

function classEnd(pattern: string, start: number): number {
  let j = start + 1;
  if (pattern[j] === '!' || pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  for (; j < pattern.length; j++) {
    if (pattern[j] === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (pattern[j] === ']') return j;
  }
  return -1;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** True if the whole text matches the pattern. */
export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(text);
}

/** Removes the shortest or longest match of the pattern from the start or end of the text. */
export function removePattern(text: string, pattern: string, side: 'prefix' | 'suffix', greedy: boolean): string {
  const src = patternSource(pattern);
  if (side === 'prefix') {
    const lengths = greedy ? descending(text.length) : ascending(text.length);
    for (const n of lengths) if (new RegExp(`^${src}$`).test(text.slice(0, n))) return text.slice(n);
    return text;
  }
  const starts = greedy ? ascending(text.length) : descending(text.length);
  for (const s of starts) if (new RegExp(`^${src}$`).test(text.slice(s))) return text.slice(0, s);
  return text;
}

const ascending = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
const descending = (n: number) => ascending(n).reverse();

/**
 * Paths in the file system that match the pattern, sorted; relative patterns give relative
 * paths. Names starting with `.` match only a pattern component starting with `.`.
 */
export function globPaths(pattern: string, fs: WorkspaceFs): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let found: string[] = [absolute ? '/' : ''];
  for (const [i, part] of parts.entries()) {
    if (i === 0 && absolute) continue;
    const next: string[] = [];
    for (const base of found) {
      const dir = base === '' ? '.' : base;
      if (!hasGlob(part)) {
        const p = join(base, unescape(part));
        if (fs.stat(p) !== undefined || part === '..' || part === '.') next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = fs.stat(dir) === 'dir' ? fs.readDir(dir) : [];
      } catch {
        names = [];
      }
      const re = new RegExp(`^${patternSource(part)}$`);
      for (const n of names) if ((!n.startsWith('.') || part.startsWith('.')) && re.test(n)) next.push(join(base, n));
    }
    found = next;
    if (found.length === 0) return [];
  }
  return found.filter((f) => f !== '' && f !== '/').sort();
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
