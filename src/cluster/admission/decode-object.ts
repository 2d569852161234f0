/**
 * The API server's body decoding (apiserver `handlers/create.go`, `update.go`, `rest.go`
 * transformDecodeError; apimachinery `runtime/serializer/json/json.go` and `runtime/error.go`):
 * a type error is always a 400 `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>`;
 * strict errors are a 400 `... strict decoding error: unknown field "spec.foo", ...` in Strict
 * mode, warnings (each error's text) in Warn mode, and nothing in Ignore mode.
 */
import type { FieldValidation } from '../api-server.js';
import { badRequest } from '../errors.js';
import { apiVersionOf, findResourceForKind } from '../resources.js';
import type { KubeObject } from '../types.js';
import { decodeStruct } from './decode.js';
import { type JNode, nodeFromValue, parseJsonText } from './json-node.js';
import { hasStruct } from './schema.js';

/** Decodes a body (JS value or JSON text) into a stored-shape object; throws ApiError BadRequest. */
export function decodeBody(input: unknown, mode: FieldValidation): { object: KubeObject; warnings: string[] } {
  let node: JNode;
  if (typeof input === 'string') {
    try {
      node = parseJsonText(input);
    } catch (e) {
      throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
    }
  } else node = nodeFromValue(input);
  if (node.k !== 'obj') throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${nodeWord(node)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  const kind = stringEntry(node, 'kind');
  if (!kind) throw badRequest(`Object 'Kind' is missing in '${summary(input)}'`);
  const r = findResourceForKind(kind);
  let apiVersion = stringEntry(node, 'apiVersion');
  if (!r || !hasStruct(kind)) {
    throw badRequest(`no kind "${kind}" is registered for version "${apiVersion ?? ''}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  if (!apiVersion) {
    // The request path supplies the group and version when the body leaves them out.
    apiVersion = apiVersionOf(r);
    node.entries.push(['apiVersion', { k: 'str', v: apiVersion }]);
  }
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  if (apiVersion !== apiVersionOf(r)) {
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  const result = decodeStruct(node, kind);
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  if (result.error !== undefined) throw badRequest(prefix + result.error);
  const warnings: string[] = [];
  if (result.strict.length > 0) {
    if (mode === 'Strict') throw badRequest(`${prefix}strict decoding error: ${result.strict.join(', ')}`);
    if (mode === 'Warn') warnings.push(...result.strict);
  }
  const object = result.value as unknown as KubeObject;
  object.metadata ??= {};
  return { object, warnings };
}

/**
 * The Strict-mode rejection of a strategic merge patch (apiserver `handlers/patch.go`
 * applyPatchToObject): an Invalid with no kind and one `patch` cause whose value is the patch
 * map in Go's `%+v`, e.g. ` "" is invalid: patch: Invalid value: "map[spec:map[color:green]]":
 * strict decoding error: unknown field "spec.color"`.
 */
export function strictPatchCause(patch: unknown, strict: string[]): { field: string; message: string } {
  return { field: 'patch', message: `Invalid value: ${JSON.stringify(goPlusV(patch))}: strict decoding error: ${strict.join(', ')}` };
}

/** Go's `%+v` of a decoded JSON value (maps print sorted as `map[k:v]`, nil as `<nil>`). */
export function goPlusV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPlusV).join(' ')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `map[${keys.map((k) => `${k}:${goPlusV((value as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(value);
}

function stringEntry(node: Extract<JNode, { k: 'obj' }>, key: string): string | undefined {
  let found: string | undefined;
  for (const [k, v] of node.entries) if (k === key && v.k === 'str') found = v.v;
  return found;
}

function nodeWord(node: JNode): string {
  return { obj: 'object', arr: 'array', str: 'string', num: 'number', bool: 'bool', null: 'null' }[node.k];
}

function summary(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input);
}
