/**
 * Parses the compact struct table of schema-types.ts into type descriptors, and names Go
 * types the way `reflect.Type.String()` prints them (for `json: cannot unmarshal ...` texts).
 */
import { GO_NAME, STRUCTS } from './schema-types.js';

/** A Go type as the decoder needs it. */
export type GoType =
  | { t: 'string'; named?: string }
  | { t: 'bool' }
  | { t: 'int'; bits: 32 | 64; named?: string }
  | { t: 'float64' }
  | { t: 'uid' }
  | { t: 'intstr' }
  | { t: 'quantity' }
  | { t: 'time'; micro: boolean }
  | { t: 'bytes' }
  | { t: 'any' }
  | { t: 'ptr'; elem: GoType }
  | { t: 'slice'; elem: GoType }
  | { t: 'map'; key?: string; elem: GoType }
  | { t: 'struct'; name: string };

/** One struct field: JSON name, Go type, and whether `omitempty` is absent. */
export interface GoField {
  json: string;
  type: GoType;
  always: boolean;
}

const cache = new Map<string, GoField[]>();

/** The fields of a struct in Go declaration order; throws for unknown struct names. */
export function structFields(name: string): GoField[] {
  let fields = cache.get(name);
  if (fields) return fields;
  const spec = STRUCTS[name];
  if (spec === undefined) throw new Error(`admission schema: no struct ${name}`);
  fields = spec.split(/\s+/).filter(Boolean).map(parseField);
  cache.set(name, fields);
  return fields;
}

/** True if the schema knows this struct (and so this kind). */
export function hasStruct(name: string): boolean {
  return STRUCTS[name] !== undefined;
}

function parseField(text: string): GoField {
  const colon = text.indexOf(':');
  let typeText = text.slice(colon + 1);
  const always = typeText.endsWith('!');
  if (always) typeText = typeText.slice(0, -1);
  return { json: text.slice(0, colon), type: parseType(typeText), always };
}

function parseType(text: string): GoType {
  if (text.startsWith('*')) return { t: 'ptr', elem: parseType(text.slice(1)) };
  if (text.startsWith('[]')) return { t: 'slice', elem: parseType(text.slice(2)) };
  if (text.startsWith('{')) {
    const close = text.indexOf('}');
    const key = text.slice(1, close) || undefined;
    return { t: 'map', key, elem: parseType(text.slice(close + 1)) };
  }
  if (text === 's') return { t: 'string' };
  if (text.startsWith('s=')) return { t: 'string', named: text.slice(2) };
  switch (text) {
    case 'b':
      return { t: 'bool' };
    case 'i32':
      return { t: 'int', bits: 32 };
    case 'i64':
      return { t: 'int', bits: 64 };
    case 'f64':
      return { t: 'float64' };
    case 'uid':
      return { t: 'uid' };
    case 'ios':
      return { t: 'intstr' };
    case 'q':
      return { t: 'quantity' };
    case 't':
      return { t: 'time', micro: false };
    case 'mt':
      return { t: 'time', micro: true };
    case 'bytes':
      return { t: 'bytes' };
    case 'any':
      return { t: 'any' };
  }
  return { t: 'struct', name: text };
}

/** The Go struct name as reflect prints it (`EndpointSlicePort` is discovery's `EndpointPort`). */
export function goStructName(name: string): string {
  return GO_NAME[name] ?? name;
}

/** `reflect.Type.String()` of a type after pointer indirection: `int32`, `v1.PullPolicy`, `[]v1.Container`. */
export function goTypeString(type: GoType): string {
  switch (type.t) {
    case 'string':
      return type.named ? `v1.${type.named}` : 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return type.named ? `v1.${type.named}` : `int${type.bits}`;
    case 'float64':
      return 'float64';
    case 'uid':
      return 'types.UID';
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return type.micro ? 'v1.MicroTime' : 'v1.Time';
    case 'bytes':
      return '[]uint8';
    case 'any':
      return 'interface {}';
    case 'ptr':
      return goTypeString(type.elem);
    case 'slice':
      return `[]${elemString(type.elem)}`;
    case 'map':
      return `map[${type.key ? `v1.${type.key}` : 'string'}]${elemString(type.elem)}`;
    case 'struct':
      return `v1.${goStructName(type.name)}`;
  }
}

function elemString(type: GoType): string {
  return type.t === 'ptr' ? `*${goTypeString(type.elem)}` : goTypeString(type);
}
