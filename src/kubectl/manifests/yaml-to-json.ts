/**
 * Manifest decoding as kubectl does it (apimachinery `util/yaml` YAMLReader and
 * YAMLOrJSONDecoder, sigs.k8s.io/yaml on go-yaml v2): a stream that starts with `{` is JSON;
 * otherwise it splits at `---` lines and converts each document to JSON with YAML 1.1 scalar
 * rules (`yes`/`on`/`y` are booleans, `1.14` a number, `0777` octal). Syntax errors are reported
 * with go-yaml's wording and its line numbers (1-based for scanner errors, the 0-based line of
 * the problem token for parser errors, none on the first line), relative to the document.
 * Mapped: tabs, over-indented and nested `key: value`, unclosed quotes and flow collections,
 * keys without `:`, under-indented keys. Other eemeli/yaml errors keep eemeli's message.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { decodeJsonStream, GoJsonError } from './go-json.js';

/** A decode failure of one stream; the message is what follows `error parsing <file>: `. */
export class ManifestSyntaxError extends Error {}

/** Splits a manifest stream into documents and converts each to a JSON value; `null` for empty documents. */
export function decodeManifestStream(text: string, onDocument: (value: unknown) => void): void {
  if (/^\s*\{/.test(text)) {
    try {
      for (const v of decodeJsonStream(text)) onDocument(v);
    } catch (e) {
      if (e instanceof GoJsonError) throw new ManifestSyntaxError(e.message);
      throw e;
    }
    return;
  }
  for (const doc of splitDocuments(text)) onDocument(yamlToJson(doc));
}

/** apimachinery YAMLReader: a line starting with `---` ends a document; only a comment may follow it. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') throw new ManifestSyntaxError(`invalid Yaml document separator: ${rest}`);
      if (cur.length > 0) docs.push(cur);
      cur = '';
      continue;
    }
    cur += line;
  }
  if (cur.length > 0) docs.push(cur);
  return docs;
}

/** go-yaml's is_printable: tab, LF, CR, 0x20-0x7E, NEL, 0xA0-0xD7FF, 0xE000-0xFFFD, 0x10000 and up. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/**
 * Documents already converted, by text, when the cache is on (setManifestCache): the grader
 * applies the scenario's same manifests in every submission, and a YAML parse is ~0.7 ms of a
 * ~2 ms apply. Off by default, so a student's apply and the latency benchmark pay the parse.
 */
const converted = new Map<string, unknown>();
let cacheEntries = 0;
/** Documents longer than this are not kept. */
const MAX_CACHED_DOCUMENT = 64 * 1024;

/** Keeps up to `entries` converted documents (0: none, the default); the oldest go first. */
export function setManifestCache(entries: number): void {
  cacheEntries = entries;
  converted.clear();
}

/** Converts one YAML document to JSON as sigs.k8s.io/yaml does; throws ManifestSyntaxError. */
export function yamlToJson(text: string): unknown {
  // __proto__ keys set a prototype instead of a key (as they always have); such a value is not copied.
  if (cacheEntries === 0 || text.length > MAX_CACHED_DOCUMENT || text.includes('__proto__')) return convert(text);
  const hit = converted.get(text);
  if (hit !== undefined) return copyJson(hit);
  const value = convert(text);
  if (converted.size >= cacheEntries) converted.delete(converted.keys().next().value as string);
  converted.set(text, value);
  return copyJson(value);
}

/** A deep copy of a JSON value (plain objects, arrays and primitives). */
function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyJson);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyJson((v as Record<string, unknown>)[k]);
  return out;
}

function convert(text: string): unknown {
  // go-yaml's reader refuses characters outside YAML's printable set before it parses anything
  // (readerc.go: "control characters are not allowed"), so a binary file fails with no line.
  if (NOT_PRINTABLE.test(text)) throw new ManifestSyntaxError('error converting YAML to JSON: yaml: control characters are not allowed');
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, version: '1.1' });
  if (doc.errors.length > 0) throw new ManifestSyntaxError(`error converting YAML to JSON: yaml: ${goYamlError(text, doc.errors[0])}`);
  return toJson(doc.contents as YamlNode | null, doc);
}

function toJson(node: YamlNode | null | undefined, doc: Document): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toJson(node.resolve(doc) as YamlNode | undefined, doc);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = toJson(pair.key as YamlNode, doc);
      out[jsonKey(key)] = toJson(pair.value as YamlNode, doc);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((n) => toJson(n as YamlNode, doc));
  if (isScalar(node)) {
    const s = String(node.value ?? '');
    const tag = node.tag?.replace('tag:yaml.org,2002:', '!!');
    if (tag === '!!str' || tag === '!!binary') return s;
    if (node.type !== Scalar.PLAIN && !tag) return s;
    return resolvePlain(s);
  }
  return null;
}

/** sigs.k8s.io/yaml key conversion: numbers and booleans become their text, null becomes "null". */
function jsonKey(key: unknown): string {
  if (key === null) return 'null';
  return typeof key === 'string' ? key : String(key);
}

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** go-yaml v2 `resolve` of a plain scalar (timestamps stay strings when decoding into interface{}). */
export function resolvePlain(s: string): unknown {
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  if (NULL.has(s)) return null;
  const c = s[0];
  if (c === '.' && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    const plain = s.replace(/_/g, '');
    const int = goParseInt(plain);
    if (int !== undefined) return int;
    if (YAML_FLOAT.test(plain)) return Number(plain);
  }
  return s;
}

/** strconv.ParseInt(s, 0, 64): decimal, 0x hex, 0o / leading-0 octal, 0b binary. */
function goParseInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|0|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body[0] === '0') n = parseInt((body = body.slice(1)), 8);
  else n = Number(body);
  return m[1] === '-' ? -n : n;
}

interface EemeliError {
  code: string;
  message: string;
  pos: [number, number];
}

/** Maps eemeli/yaml's first error to go-yaml v2's text `line N: message`. */
function goYamlError(text: string, err: EemeliError): string {
  const lineAt = (off: number) => text.slice(0, off).split('\n').length - 1;
  const eofLine = text.split('\n').length - 1;
  const scanner = (line0: number, msg: string) => (line0 === 0 ? msg : `line ${line0 + 1}: ${msg}`);
  const parser = (line0: number, msg: string) => (line0 === 0 ? msg : `line ${line0}: ${msg}`);
  const errLine = lineAt(err.pos[0]);
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return scanner(errLine, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const colon = /:(?=[ \t\r\n]|$)/g;
      colon.lastIndex = err.pos[0];
      const m = colon.exec(text);
      // A key that starts its line is a required simple key: going stale at the ':' line is
      // "could not find expected ':'"; a multi-line scalar after `key: ` is not a key at all.
      const startsLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', err.pos[0] - 1) + 1, err.pos[0]));
      const msg = err.code === 'MULTILINE_IMPLICIT_KEY' && startsLine ? "could not find expected ':'" : 'mapping values are not allowed in this context';
      return scanner(m ? lineAt(m.index) : errLine, msg);
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(err.message)) return scanner(eofLine, 'found unexpected end of stream');
      if (/map values/.test(err.message)) {
        // The simple key goes stale at the next token: the next non-blank line, or the end.
        const lines = text.split('\n');
        let next = errLine + 1;
        while (next < lines.length && /^\s*(#.*)?$/.test(lines[next])) next++;
        return scanner(Math.min(next, eofLine), "could not find expected ':'");
      }
      break;
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(err.message)) {
        const seq = err.message.startsWith('Flow sequence');
        const open = text.lastIndexOf(seq ? '[' : '{', err.pos[0]);
        const inner = open >= 0 ? text.slice(open + 1).trim() : '';
        // After a closed item (`}`, `]` or a quoted scalar) the parser fails at the next token,
        // which eemeli points at; after a plain scalar (which may go on over lines) at the end.
        const before = open >= 0 ? text.slice(open + 1, err.pos[0]).trimEnd() : '';
        const expected = `did not find expected ',' or '${seq ? ']' : '}'}'`;
        if (inner !== '' && err.pos[0] < text.length && /[\]}"']$/.test(before)) return parser(errLine, expected);
        // A plain scalar in a flow goes on over the next lines up to `: `, where the parser fails.
        const stop = /:(?=[ \t\r\n]|$)|[,[\]{}]/g;
        stop.lastIndex = err.pos[0];
        const m = inner !== '' ? stop.exec(text) : null;
        if (m?.[0] === ':') return parser(lineAt(m.index), expected);
        return parser(eofLine, inner === '' ? 'did not find expected node content' : `did not find expected ',' or '${seq ? ']' : '}'}'`);
      }
      if (/mapping items must start at the same column/.test(err.message)) return parser(errLine, 'did not find expected key');
      if (/collection items must start at the same column/.test(err.message)) return parser(errLine, "did not find expected '-' indicator");
      break;
    case 'BAD_DQ_ESCAPE':
      return scanner(errLine, 'found unknown escape character');
  }
  return scanner(errLine, err.message.split('\n')[0]);
}
