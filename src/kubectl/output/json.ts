/**
 * `kubectl get -o json` (cli-runtime printers/json.go): Go's json.MarshalIndent(obj, "", "    ")
 * plus a newline. kubectl decodes what it gets into unstructured maps, and encoding/json writes
 * map keys sorted, so every object prints with sorted keys; strings get Go's HTML-safe escapes
 * (`<` → `\u003c`, `>`, `&`, U+2028, U+2029). Several objects print as one List (see `printedList`).
 */
import { GoFloat, isGoInt, sortedKeys } from './go-format.js';

/** Options of `goJsonMarshal`. */
export interface GoJsonOptions {
  /** json.MarshalIndent's indent (`'    '` for kubectl -o json); compact when absent. */
  indent?: string;
  /** Sorted keys as for unstructured maps (the default); false keeps insertion order, as for typed structs. */
  sortKeys?: boolean;
}

/** encoding/json's Marshal (or MarshalIndent) of a decoded JSON value, without a final newline. */
export function goJsonMarshal(value: unknown, opts: GoJsonOptions = {}): string {
  const indent = opts.indent;
  const sort = opts.sortKeys ?? true;
  const enc = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return goJsonString(v);
    if (typeof v === 'boolean') return String(v);
    if (v instanceof GoFloat) return goJsonFloat(v.value);
    if (typeof v === 'number') return isGoInt(v) ? BigInt(v).toString() : goJsonFloat(v);
    const nl = indent === undefined ? '' : `\n${indent.repeat(depth + 1)}`;
    const close = indent === undefined ? '' : `\n${indent.repeat(depth)}`;
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((x) => nl + enc(x, depth + 1)).join(',')}${close}]`;
    }
    const m = v as Record<string, unknown>;
    const keys = (sort ? sortedKeys(m) : Object.keys(m)).filter((k) => m[k] !== undefined);
    if (keys.length === 0) return '{}';
    const sep = indent === undefined ? ':' : ': ';
    return `{${keys.map((k) => `${nl}${goJsonString(k)}${sep}${enc(m[k], depth + 1)}`).join(',')}${close}}`;
  };
  return enc(value, 0);
}

/** A JSON string as encoding/json writes it, HTML escaping on. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** encoding/json float64: 'f' format, exponent form below 1e-6 or from 1e21 (`1e-7`, `1e+21`). */
function goJsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${f}`);
  // JavaScript's Number#toString uses the same thresholds and the same shortest digits.
  return String(f);
}

/** The `kubectl get -o json` text of one object (or of a List from `printedList`), with its final newline. */
export function printJson(obj: unknown): string {
  return `${goJsonMarshal(obj, { indent: '    ' })}\n`;
}

/**
 * The List that `kubectl get` prints when it has zero or several objects, or was asked for a
 * list (get.go printGeneric): `{"apiVersion":"v1","items":[...],"kind":"List","metadata":{"resourceVersion":""}}`.
 * Pass it to printJson, printJsonPath, printCustomColumns, printNames or the YAML printer.
 */
export function printedList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** True for a List as made by `printedList` (or any object with an `items` array and a List kind). */
export function isPrintedList(obj: unknown): obj is { items: unknown[] } {
  const o = obj as { kind?: unknown; items?: unknown } | null;
  return typeof o === 'object' && o !== null && Array.isArray(o.items) && typeof o.kind === 'string' && o.kind.endsWith('List');
}
