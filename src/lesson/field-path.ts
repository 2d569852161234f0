/**
 * Dotted field paths of `field` checks: `spec.selector.color`, `spec.ports[0].targetPort`,
 * and keys with dots in brackets: `metadata.labels["app.kubernetes.io/name"]`.
 */

/** One step of a path: a map key or a list index. */
export type PathSegment = string | number;

/** Parses a path; throws an Error whose message says what is wrong. */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`invalid field path "${path}" at character ${i + 1}: ${why}`);
  };
  if (path === '') fail('the path is empty');
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('"[" without "]"');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^"[^"]*"$/.test(inner) || /^'[^']*'$/.test(inner)) out.push(inner.slice(1, -1));
      else fail('use [0] for a list item or ["key.with.dots"] for a key');
      i = close + 1;
      if (i < path.length && path[i] !== '.' && path[i] !== '[') fail('expected "." or "[" after "]"');
      if (path[i] === '.') i++;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    if (j === i) fail('empty field name');
    out.push(path.slice(i, j));
    i = j;
    if (path[i] === '.') {
      i++;
      if (i === path.length) fail('the path ends with "."');
    }
  }
  return out;
}

/** The value at `path` in `obj`, or `{found: false}` with the longest prefix that exists. */
export function lookupField(obj: unknown, path: readonly PathSegment[]): { found: true; value: unknown } | { found: false; missingAt: string } {
  let current: unknown = obj;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    if (typeof seg === 'number') {
      if (!Array.isArray(current) || seg >= current.length) return { found: false, missingAt: formatFieldPath(path.slice(0, k + 1)) };
      current = current[seg];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !(seg in current)) {
        return { found: false, missingAt: formatFieldPath(path.slice(0, k + 1)) };
      }
      current = (current as Record<string, unknown>)[seg];
    }
  }
  return current === undefined ? { found: false, missingAt: formatFieldPath(path) } : { found: true, value: current };
}

/** Writes a path back as text (`spec.ports[0].port`). */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `["${seg}"]`;
  }
  return out;
}

/** Deep equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => k in (b as object) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A value as a check reason shows it: strings quoted, objects as compact JSON. */
export function showValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
