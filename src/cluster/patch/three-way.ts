/**
 * The three-way strategic merge patch of client-side apply (apimachinery strategicpatch
 * `CreateThreeWayMergePatch`): the changes from current (live) to modified (new config)
 * without deletions, plus the deletions from original (last-applied) to modified, with
 * `$setElementOrder/<list>` for merged lists, `{"$patch":"delete",key:v}` for removed list
 * items, `$deleteFromPrimitiveList/<list>` for removed primitives and `$retainKeys` for
 * retainKeys structs. An empty result (`{}`) is what kubectl reports as `unchanged`.
 */
import { lookupField, schemaForKind, type SchemaRef } from './patch-meta.js';
import { sameScalar } from './strategic.js';

type JsonMap = Record<string, unknown>;

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  buildRetainKeys: boolean;
}

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patch kubectl apply sends; `kind` selects the struct tags (unknown kinds diff as plain maps). */
export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, kind?: string): JsonMap {
  const schema = schemaForKind(kind ?? (modified.kind as string | undefined));
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, ignoreChangesAndAdditions: false, buildRetainKeys: false });
  const deletions = diffMaps(original ?? {}, modified, schema, { ignoreDeletions: false, ignoreChangesAndAdditions: true, buildRetainKeys: false });
  return mergePatches(deletions, delta, schema);
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: SchemaRef, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, mod] of Object.entries(modified)) {
    if (opts.buildRetainKeys && mod !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key];
    if (typeName(orig) !== typeName(mod)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const { meta, sub } = lookupField(schema, key);
    if (isMap(orig) && isMap(mod)) {
      const p = diffMaps(orig, mod, sub, { ...opts, buildRetainKeys: meta.retainKeys });
      if (Object.keys(p).length > 0) patch[key] = p;
    } else if (Array.isArray(orig) && Array.isArray(mod) && meta.strategy === 'merge') {
      const { add, del, order } = diffLists(orig, mod, sub, meta.mergeKey ?? '', { ...opts, buildRetainKeys: meta.retainKeys });
      if (add.length > 0) patch[key] = add;
      if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
      if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
    } else if (!opts.ignoreChangesAndAdditions && !sameScalar(orig, mod)) {
      patch[key] = mod;
    }
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  const hasNewField = Object.keys(modified).some((k) => !(k in original));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasNewField)) patch.$retainKeys = [...retainKeys].sort();
  return patch;
}

function diffLists(original: unknown[], modified: unknown[], schema: SchemaRef, mergeKey: string, opts: DiffOptions): { add: unknown[]; del: unknown[]; order: unknown[] } {
  const sample = [...original, ...modified][0];
  if (isMap(sample)) {
    const add: unknown[] = [];
    const deletions: unknown[] = [];
    const keyStr = (m: unknown) => goString((m as JsonMap)[mergeKey]);
    const os = [...original].sort((a, b) => cmp(keyStr(a), keyStr(b)));
    const ms = [...modified].sort((a, b) => cmp(keyStr(a), keyStr(b)));
    let i = 0;
    let j = 0;
    while (i < os.length || j < ms.length) {
      const o = os[i] as JsonMap | undefined;
      const m = ms[j] as JsonMap | undefined;
      if (o && m && keyStr(o) === keyStr(m)) {
        const p = diffMaps(o, m, schema, opts);
        if (Object.keys(p).length > 0) add.push({ ...p, [mergeKey]: m[mergeKey] });
        i++;
        j++;
      } else if (m && (!o || keyStr(o) > keyStr(m))) {
        if (!opts.ignoreChangesAndAdditions) add.push(m);
        j++;
      } else {
        if (!opts.ignoreDeletions) deletions.push({ $patch: 'delete', [mergeKey]: o![mergeKey] });
        i++;
      }
    }
    const modKeys = modified.map((m) => (m as JsonMap)[mergeKey]);
    add.sort((a, b) => modKeys.findIndex((k) => sameScalar(k, (a as JsonMap)[mergeKey])) - modKeys.findIndex((k) => sameScalar(k, (b as JsonMap)[mergeKey])));
    const sameOrder = JSON.stringify(original.map((o) => (o as JsonMap)[mergeKey])) === JSON.stringify(modKeys);
    const patchList = [...add, ...deletions];
    const wantOrder = (!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !sameOrder)) || (!opts.ignoreDeletions && patchList.length > 0);
    return { add: patchList, del: [], order: wantOrder ? modKeys.map((k) => ({ [mergeKey]: k })) : [] };
  }
  if (Array.isArray(sample)) throw new Error('lists of lists are not supported');
  const add = opts.ignoreChangesAndAdditions ? [] : modified.filter((m) => !original.some((o) => sameScalar(o, m)));
  const del = opts.ignoreDeletions ? [] : original.filter((o) => !modified.some((m) => sameScalar(o, m)));
  const changed = JSON.stringify(original) !== JSON.stringify(modified);
  const wantOrder = (!opts.ignoreDeletions && del.length > 0) || (!opts.ignoreChangesAndAdditions && changed);
  return { add, del, order: wantOrder ? modified : [] };
}

/** Merges the deletions patch with the delta patch (strategicpatch mergeMap without server options). */
function mergePatches(deletions: JsonMap, delta: JsonMap, schema: SchemaRef): JsonMap {
  const out: JsonMap = { ...deletions };
  for (const [k, v] of Object.entries(delta)) {
    const cur = out[k];
    if (!(k in out) || k.startsWith('$')) out[k] = v;
    else if (isMap(cur) && isMap(v)) out[k] = mergePatches(cur, v, lookupField(schema, k).sub);
    else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...v, ...cur];
    else out[k] = v;
  }
  return out;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v;
}

function goString(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
