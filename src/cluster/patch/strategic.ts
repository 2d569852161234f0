/**
 * Strategic merge patch as apimachinery `pkg/util/strategicpatch/patch.go` applies it on the
 * server (`StrategicMergeMapPatch` with IgnoreUnmatchedNulls and MergeParallelList): maps merge
 * key by key, `null` deletes, lists merge by their patchMergeKey or are replaced, and the
 * directives `$patch` (replace/delete/merge), `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>` behave as upstream. Errors carry mergepatch's texts.
 */
import { goPlusV } from '../admission/index.js';
import { lookupField, type SchemaRef } from './patch-meta.js';

type JsonMap = Record<string, unknown>;

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

/** A strategic-merge-patch failure; `badRequest` ones are 400s, the rest 500s (apiserver interpretStrategicMergePatchError). */
export class StrategicPatchError extends Error {
  constructor(
    message: string,
    readonly badRequest = false,
  ) {
    super(message);
  }
}

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies a strategic merge patch to a copy of `original`, guided by the schema of the kind. */
export function strategicMergePatch(original: JsonMap, patch: JsonMap, schema: SchemaRef): JsonMap {
  return mergeMap(structuredClone(original), structuredClone(patch), schema);
}

function mergeMap(original: JsonMap, patch: JsonMap, schema: SchemaRef): JsonMap {
  if (DIRECTIVE in patch) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      const out = { ...patch };
      delete out[DIRECTIVE];
      return stripDirectives(out) as JsonMap;
    }
    if (d === 'delete') return {};
    if (d !== 'merge') throw new StrategicPatchError(`unknown patch type: ${String(d)} in map: ${goPlusV(patch)}`);
    delete patch[DIRECTIVE];
  }
  if (RETAIN_KEYS in patch) {
    const keep = patch[RETAIN_KEYS];
    if (!Array.isArray(keep)) throw new StrategicPatchError('invalid patch format of retainKeys', true);
    for (const k of Object.keys(patch)) {
      if (k !== RETAIN_KEYS && !k.startsWith('$') && !keep.includes(k)) {
        throw new StrategicPatchError("patch content doesn't match retainKeys list");
      }
    }
    for (const k of Object.keys(original)) if (!keep.includes(k)) delete original[k];
    delete patch[RETAIN_KEYS];
  }
  mergeParallelLists(original, patch, schema);
  for (const [rawKey, patchV] of Object.entries(patch)) {
    let k = rawKey;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      k = k.slice(DELETE_PRIMITIVE.length);
      if (!Array.isArray(patchV)) throw new StrategicPatchError('invalid patch format of primitive list', true);
      const cur = original[k];
      if (Array.isArray(cur)) original[k] = cur.filter((x) => !patchV.some((d) => sameScalar(d, x)));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (patchV === null) {
      delete original[k];
      continue;
    }
    if (!(k in original)) {
      original[k] = stripDirectives(discardNulls(patchV));
      continue;
    }
    const origV = original[k];
    if (kindOf(origV) !== kindOf(patchV)) {
      original[k] = stripDirectives(discardNulls(patchV));
      continue;
    }
    const { meta, sub } = lookupField(schema, k);
    if (isMap(origV) && isMap(patchV)) {
      original[k] = mergeMap(origV, patchV, sub);
    } else if (Array.isArray(origV) && Array.isArray(patchV)) {
      original[k] = meta.strategy === 'merge' ? mergeSlice(origV, patchV, sub, meta.mergeKey ?? '', undefined) : (stripDirectives(patchV) as unknown[]);
    } else {
      original[k] = patchV;
    }
  }
  return original;
}

/** `$setElementOrder/<list>` directives, processed with their list (mergePatchIntoOriginal). */
function mergeParallelLists(original: JsonMap, patch: JsonMap, schema: SchemaRef): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    const field = key.slice(SET_ORDER.length);
    if (!Array.isArray(order)) throw new StrategicPatchError('invalid patch format of setElementOrder list', true);
    const { meta, sub } = lookupField(schema, field);
    const patchList = patch[field];
    if (patchList === null) continue; // the list is deleted; the order is moot
    if (patchList !== undefined && !Array.isArray(patchList)) throw new StrategicPatchError('invalid patch format of setElementOrder list', true);
    const cur = Array.isArray(original[field]) ? (original[field] as unknown[]) : [];
    const delKey = DELETE_PRIMITIVE + field;
    let base = cur;
    if (Array.isArray(patch[delKey])) {
      const dels = patch[delKey] as unknown[];
      base = base.filter((x) => !dels.some((d) => sameScalar(d, x)));
      delete patch[delKey];
    }
    original[field] = mergeSlice(base, (patchList as unknown[] | undefined) ?? [], sub, meta.mergeKey ?? '', order);
    delete patch[field];
  }
}

function mergeSlice(original: unknown[], patch: unknown[], schema: SchemaRef, mergeKey: string, order: unknown[] | undefined): unknown[] {
  if (original.length === 0 && patch.length === 0 && !order) return original;
  const sample = [...original, ...patch].find((x) => x !== undefined);
  if (Array.isArray(sample)) throw new StrategicPatchError('lists of lists are not supported');
  let merged: unknown[];
  let patchItems = patch;
  if (!isMap(sample)) {
    merged = dedupe([...original, ...patch]);
  } else {
    if (!mergeKey) throw new StrategicPatchError(`cannot merge lists without merge key for ${schemaName(schema)}`);
    let base = original;
    const rest: unknown[] = [];
    let replace = false;
    for (const item of patch) {
      if (!isMap(item)) throw new StrategicPatchError(`expected a map, but received a ${goKind(item)}`);
      if (!(DIRECTIVE in item)) {
        rest.push(item);
        continue;
      }
      const d = item[DIRECTIVE];
      if (d === 'delete') {
        if (!(mergeKey in item)) throw new StrategicPatchError(`map: ${goPlusV(item)} does not contain declared merge key: ${mergeKey}`);
        base = base.filter((o) => !(isMap(o) && sameScalar(o[mergeKey], item[mergeKey])));
      } else if (d === 'replace') replace = true;
      else if (d === 'merge') throw new StrategicPatchError('merging lists cannot yet be specified in the patch');
      else throw new StrategicPatchError(`unknown patch type: ${String(d)} in map: ${goPlusV(item)}`);
    }
    if (replace) return stripDirectives(rest) as unknown[];
    patchItems = rest;
    merged = base.map((o) => structuredClone(o));
    for (const p of rest as JsonMap[]) {
      if (!(mergeKey in p)) throw new StrategicPatchError(`map: ${goPlusV(p)} does not contain declared merge key: ${mergeKey}`);
      const i = merged.findIndex((o) => isMap(o) && sameScalar(o[mergeKey], p[mergeKey]));
      if (i >= 0) merged[i] = mergeMap(merged[i] as JsonMap, p, schema);
      else merged.push(stripDirectives(discardNulls(p)));
    }
  }
  const keyOf = (x: unknown) => (mergeKey && isMap(x) ? x[mergeKey] : x);
  const patchOrder = (order ?? patchItems).map(keyOf);
  const inPatch = merged.filter((m) => patchOrder.some((k) => sameScalar(k, keyOf(m))));
  const serverOnly = merged.filter((m) => !patchOrder.some((k) => sameScalar(k, keyOf(m))));
  const serverOrder = original.map(keyOf);
  return mergeSorted(sortBy(serverOnly, serverOrder, keyOf), sortBy(inPatch, patchOrder, keyOf), serverOrder, keyOf);
}

/** Stable sort of `items` by the position of their key in `order` (normalizeSliceOrder). */
function sortBy(items: unknown[], order: unknown[], keyOf: (x: unknown) => unknown): unknown[] {
  const idx = (x: unknown) => order.findIndex((k) => sameScalar(k, keyOf(x)));
  return items.map((x, i) => ({ x, i, k: idx(x) })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x);
}

/** mergeSortedSlice: interleaves server-only items with patch items by their server order. */
function mergeSorted(left: unknown[], right: unknown[], serverOrder: unknown[], keyOf: (x: unknown) => unknown): unknown[] {
  const idx = (x: unknown) => serverOrder.findIndex((k) => sameScalar(k, keyOf(x)));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = idx(left[i]);
      const ri = idx(right[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function dedupe(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of items) if (!out.some((y) => sameScalar(x, y))) out.push(x);
  return out;
}

/** Equality of scalars (and, loosely, of anything) by JSON text. */
export function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v;
}

function goKind(v: unknown): string {
  return { slice: 'slice', object: 'map', string: 'string', int: 'int64', float: 'float64', boolean: 'bool', null: 'nil' }[kindOf(v)] ?? 'value';
}

function schemaName(schema: SchemaRef): string {
  return schema && 'struct' in schema ? schema.struct : '';
}

/** Removes `null` map values recursively (discardNullValuesFromPatch). */
function discardNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(discardNulls);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = discardNulls(x);
  return out;
}

/** Drops `$`-directives from a value that is taken whole. */
function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isMap(x) && DIRECTIVE in x && Object.keys(x).length === 1)).map(stripDirectives);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}
