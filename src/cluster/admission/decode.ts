/**
 * Decoding a request body into a typed object the way kube-apiserver does: sigs.k8s.io/json
 * `UnmarshalStrict` into the k8s.io/api Go structs, then Go's encoder writes the stored JSON.
 *
 * - Type errors are Go 1.23 `encoding/json` UnmarshalTypeErrors: the first one wins, and the
 *   text is `json: cannot unmarshal <value> into Go struct field <Struct>.<path> of type <T>`,
 *   where <path> joins struct field names only (no map keys, no indexes).
 * - Strict errors (`unknown field "spec.foo"`, `duplicate field "spec.replicas"`) use the path
 *   with map keys and `[i]` indexes; they count only when there is no type error.
 * - The result is what json.Marshal of the Go struct prints: fields in struct order, unknown
 *   fields gone, omitempty zero values dropped, value structs always present.
 * Fidelity limits: quantities are stored as written (Go canonicalises `0.5` to `500m`); time
 * parse errors name the whole value rather than Go's failing element.
 */
import type { JNode } from './json-node.js';
import { type GoType, goStructName, goTypeString, structFields } from './schema.js';

/** The outcome of decoding one value. */
export interface DecodeResult {
  value: Record<string, unknown>;
  /** The first fatal or type error, as Go prints it; undefined if none. */
  error?: string;
  /** Strict decoding errors in document order, deduplicated (at most 100, as sigs.k8s.io/json). */
  strict: string[];
}

class Fatal extends Error {}

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Decodes `node` into the Go struct `structName`. */
export function decodeStruct(node: JNode, structName: string): DecodeResult {
  const d = new Decoder();
  let value: Record<string, unknown> = {};
  try {
    value = (d.value(node, { t: 'struct', name: structName }, '') as Record<string, unknown>) ?? {};
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    return { value, error: e.message, strict: [] };
  }
  return { value, error: d.saved, strict: d.strict };
}

/** Go's encoding of a struct with no fields set, e.g. `{"metadata":{"creationTimestamp":null}}`. */
export function zeroStruct(structName: string): Record<string, unknown> {
  return decodeStruct({ k: 'obj', entries: [] }, structName).value;
}

class Decoder {
  saved?: string;
  strict: string[] = [];
  private seen = new Set<string>();
  private ctxStruct?: string;
  private ctxFields: string[] = [];

  /** Decodes a node into a type; returns the encoded value, or undefined for Go's zero/nil. */
  value(node: JNode, type: GoType, path: string): unknown {
    if (node.k === 'null') return undefined;
    switch (type.t) {
      case 'ptr':
        return this.value(node, type.elem, path);
      case 'string':
      case 'uid':
        if (node.k === 'str') return node.v;
        return this.mismatch(node, type);
      case 'bool':
        if (node.k === 'bool') return node.v;
        return this.mismatch(node, type);
      case 'int':
        if (node.k === 'num') {
          const ok = /^-?\d+$/.test(node.raw);
          const n = ok ? Number(node.raw) : NaN;
          const limit = type.bits === 32 ? 2 ** 31 : 2 ** 63;
          if (ok && n >= -limit && n < limit) return n;
          return this.typeError(`number ${node.raw}`, type);
        }
        return this.mismatch(node, type);
      case 'float64':
        if (node.k === 'num') return Number(node.raw);
        return this.mismatch(node, type);
      case 'intstr':
        if (node.k === 'str') return node.v;
        if (node.k === 'num' && /^-?\d+$/.test(node.raw) && Math.abs(Number(node.raw)) < 2 ** 31) return Number(node.raw);
        // intstr's UnmarshalJSON decodes into an int32 and fails; the decoder adds the field.
        throw new Fatal(this.typeText(node.k === 'num' ? `number ${node.raw}` : kindWord(node), 'int32'));
      case 'quantity': {
        const text = node.k === 'str' ? node.v.trim() : node.k === 'num' ? node.raw : '';
        if (!QUANTITY_RE.test(text)) throw new Fatal("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        return node.k === 'num' ? node.raw : text;
      }
      case 'time':
        if (node.k !== 'str') throw new Fatal(this.typeText(kindWord(node), 'string'));
        if (!RFC3339_RE.test(node.v)) {
          throw new Fatal(`parsing time ${JSON.stringify(node.v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(node.v)} as "2006"`);
        }
        return formatTime(node.v, type.micro);
      case 'bytes':
        if (node.k === 'str') return node.v;
        return this.mismatch(node, type);
      case 'any':
        return this.anyValue(node, path);
      case 'slice':
        if (node.k !== 'arr') return this.mismatch(node, type);
        return node.items.map((item, i) => this.value(item, type.elem, `${path}[${i}]`) ?? zeroOf(type.elem));
      case 'map':
        return this.mapValue(node, type, path);
      case 'struct':
        return this.structValue(node, type.name, path);
    }
  }

  private mapValue(node: JNode, type: Extract<GoType, { t: 'map' }>, path: string): unknown {
    if (node.k !== 'obj') return this.mismatch(node, type);
    const out: Record<string, unknown> = {};
    for (const [key, child] of node.entries) {
      const keyPath = join(path, key);
      if (Object.prototype.hasOwnProperty.call(out, key)) this.strictError(`duplicate field "${keyPath}"`);
      out[key] = this.value(child, type.elem, keyPath) ?? zeroOf(type.elem);
    }
    // Go encodes map keys sorted.
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private structValue(node: JNode, name: string, path: string): unknown {
    if (node.k !== 'obj') return this.mismatch(node, { t: 'struct', name });
    const fields = structFields(name);
    const got = new Map<string, unknown>();
    for (const [key, child] of node.entries) {
      const field = fields.find((f) => f.json === key);
      if (!field) {
        this.strictError(`unknown field "${join(path, key)}"`);
        continue;
      }
      if (got.has(key)) this.strictError(`duplicate field "${join(path, key)}"`);
      const savedStruct = this.ctxStruct;
      const depth = this.ctxFields.length;
      this.ctxFields.push(key);
      this.ctxStruct = goStructName(name);
      const v = this.value(child, field.type, join(path, key));
      this.ctxFields.length = depth;
      this.ctxStruct = savedStruct;
      got.set(key, v);
    }
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const v = got.has(field.json) ? got.get(field.json) : undefined;
      const encoded = encodeField(v, field.type, field.always);
      if (encoded !== undefined) out[field.json] = encoded;
    }
    return out;
  }

  private anyValue(node: JNode, path: string): unknown {
    if (node.k === 'obj') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of node.entries) {
        if (Object.prototype.hasOwnProperty.call(out, key)) this.strictError(`duplicate field "${join(path, key)}"`);
        out[key] = this.anyValue(child, join(path, key));
      }
      return out;
    }
    if (node.k === 'arr') return node.items.map((item, i) => this.anyValue(item, `${path}[${i}]`));
    if (node.k === 'num') return Number(node.raw);
    return node.k === 'null' ? null : node.v;
  }

  private mismatch(node: JNode, type: GoType): undefined {
    return this.typeError(kindWord(node), type);
  }

  private typeError(what: string, type: GoType): undefined {
    this.saved ??= this.typeText(what, goTypeString(type));
    return undefined;
  }

  private typeText(what: string, typeName: string): string {
    if (this.ctxStruct === undefined && this.ctxFields.length === 0) return `json: cannot unmarshal ${what} into Go value of type ${typeName}`;
    return `json: cannot unmarshal ${what} into Go struct field ${this.ctxStruct ?? ''}.${this.ctxFields.join('.')} of type ${typeName}`;
  }

  private strictError(text: string): void {
    if (this.strict.length >= 100 || this.seen.has(text)) return;
    this.seen.add(text);
    this.strict.push(text);
  }
}

/** Go's encoding of a decoded field: undefined means the key is left out. */
function encodeField(v: unknown, type: GoType, always: boolean): unknown {
  if (type.t === 'ptr') return v === undefined ? undefined : v;
  if (type.t === 'struct') return v ?? zeroStruct(type.name);
  if (type.t === 'time') return v ?? null;
  if (type.t === 'intstr') return v ?? (always ? 0 : 0);
  if (type.t === 'quantity') return v ?? '0';
  if (type.t === 'slice' || type.t === 'map' || type.t === 'bytes' || type.t === 'any') {
    const empty = v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0);
    if (!always) return empty ? undefined : v;
    return v === undefined ? null : v;
  }
  const zero = zeroOf(type);
  if (v === undefined || v === zero) return always ? zero : undefined;
  return v;
}

/** The encoded zero value of an element (a nil pointer encodes as null). */
function zeroOf(type: GoType): unknown {
  switch (type.t) {
    case 'string':
    case 'uid':
      return '';
    case 'bool':
      return false;
    case 'int':
    case 'float64':
    case 'intstr':
      return 0;
    case 'quantity':
      return '0';
    case 'struct':
      return zeroStruct(type.name);
    default:
      return null;
  }
}

function kindWord(node: JNode): string {
  return { obj: 'object', arr: 'array', str: 'string', num: 'number', bool: 'bool', null: 'null' }[node.k];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** metav1.Time marshals RFC 3339 in UTC to the second; MicroTime to the microsecond. */
function formatTime(text: string, micro: boolean): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return text;
  const iso = new Date(ms).toISOString();
  if (!micro) return `${iso.slice(0, 19)}Z`;
  const frac = (/\.(\d+)/.exec(text)?.[1] ?? '').padEnd(6, '0').slice(0, 6);
  return `${iso.slice(0, 19)}.${frac}Z`;
}
