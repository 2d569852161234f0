/**
 * kubectl explain's plaintext output (kubectl v1.32 pkg/explain/v2/templates/plaintext.tmpl),
 * ported template by template: `output` follows the field path, `fieldList`/`fieldDetail`
 * print FIELDS (alphabetical, as Go ranges over a map), `typeGuess` names a field's type and
 * `extractEnum` lists enum values. Cycles are cut by remembering the $refs seen.
 */
import type { OpenApiSchema } from './schemas.js';
import { indent, wrapString } from './wrap.js';

/** The schemas one rendering resolves $refs in. */
export type SchemaDocument = Record<string, OpenApiSchema>;

/** A template `throw`: kubectl prints the message as is. */
export class ExplainError extends Error {}

const PREFIX = '#/components/schemas/';

function resolveRef(ref: string | undefined, doc: SchemaDocument): OpenApiSchema | undefined {
  if (!ref || !ref.startsWith(PREFIX)) return undefined;
  return doc[ref.slice(PREFIX.length)];
}

function isMapSchema(s: OpenApiSchema): s is OpenApiSchema & { additionalProperties: OpenApiSchema } {
  return typeof s.additionalProperties === 'object' && s.additionalProperties !== null;
}

/** typeGuess: `string`, `Object`, `[]Container`, `map[string]string`, `DeploymentStrategy`. */
export function typeGuess(s: OpenApiSchema, doc: SchemaDocument): string {
  if (s.items) return `[]${typeGuess(s.items, doc)}`;
  if (isMapSchema(s)) return `map[string]${typeGuess(s.additionalProperties, doc)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (s.$ref) {
    const target = resolveRef(s.$ref, doc);
    if (!target || !target.type || target.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return target.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

function enumText(e: unknown): string {
  return e === '' ? '""' : String(e);
}

/** extractEnum: `ENUM:` one per line (long view) or `enum: a, b, c, d, ....` (field lists). */
function extractEnum(s: OpenApiSchema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum || s.enum.length === 0) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (const [i, e] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += enumText(e);
  }
  return out;
}

/** The `description` template: this schema's description and those of what it wraps, one per line. */
function description(s: OpenApiSchema, doc: SchemaDocument): string {
  const r = resolveRef(s.$ref, doc) ?? s;
  let out = r.description ? `${r.description}\n` : '';
  for (const sub of r.allOf ?? []) out += description(sub, doc);
  if (r.items) out += description(r.items, doc);
  if (isMapSchema(r)) out += description(r.additionalProperties, doc);
  return out;
}

function fieldDetail(name: string, parent: OpenApiSchema, short: boolean, level: number, doc: SchemaDocument): string {
  const amount = level * 2;
  const field = parent.properties![name];
  let out = `${indent(amount, name)}\t<${typeGuess(field, doc)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, amount);
  out += '\n';
  if (!short) out += `${indent(amount + 2, wrapString(field.description || '<no description>', 78 - amount))}\n\n`;
  return out;
}

function fieldList(s: OpenApiSchema, level: number, history: ReadonlySet<string>, recursive: boolean, doc: SchemaDocument): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  let out = '';
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(name, r, recursive, level, doc);
    if (recursive) out += fieldList(r.properties![name], level + 1, next, recursive, doc);
  }
  for (const sub of r.allOf ?? []) out += fieldList(sub, level, next, recursive, doc);
  if (r.items) out += fieldList(r.items, level, next, recursive, doc);
  if (isMapSchema(r)) out += fieldList(r.additionalProperties, level, next, recursive, doc);
  return out;
}

function output(s: OpenApiSchema, history: ReadonlySet<string>, path: readonly string[], recursive: boolean, doc: SchemaDocument): string {
  const ref = s.$ref ?? '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, doc) || '<empty>', 76))}\n`;
    const fields = fieldList(r, 1, new Set(), recursive, doc);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = r.properties?.[path[0]];
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, new Set(), path.slice(1), recursive, doc);
  }
  if (r.items) return output(r.items, next, path, recursive, doc);
  if (isMapSchema(r)) return output(r.additionalProperties, next, path, recursive, doc);
  for (const alt of r.allOf ?? []) {
    const out = output(alt, next, path, recursive, doc);
    if (out) return out;
  }
  return '';
}

/** The header kubectl prints before the schema (written even when the field path then fails). */
export function explainHeader(gvk: { group: string; kind: string; version: string }): string {
  return `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
}

/** The body after the header, with the final newline; throws ExplainError for a missing field. */
export function explainBody(root: OpenApiSchema, path: readonly string[], recursive: boolean, doc: SchemaDocument): string {
  const out = output(root, new Set(), path, recursive, doc);
  if (!out) throw new ExplainError(`error: field "${path[path.length - 1]}" does not exist`);
  return `${out}\n`;
}
