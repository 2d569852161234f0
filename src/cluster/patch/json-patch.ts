/**
 * JSON patch (RFC 6902) and JSON merge patch (RFC 7386) as gopkg.in/evanphx/json-patch.v4
 * applies them (the library both kube-apiserver and `kubectl patch --local` use), with the
 * library's error texts: `add operation does not apply: doc is missing path: "/a/b": missing
 * value`, `error in remove for path: '/x': Unable to remove nonexistent key: x: missing value`,
 * `testing value /x failed: test failed`, `Unexpected kind: bogus`.
 */

type JsonMap = Record<string, unknown>;
type Container = JsonMap | unknown[];

/** A JSON patch failure; `decode` marks a patch that is not a list of operations (a 400). */
export class JsonPatchError extends Error {
  constructor(
    message: string,
    readonly decode = false,
  ) {
    super(message);
  }
}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies an RFC 6902 patch (already parsed JSON) to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) {
    throw new JsonPatchError(`json: cannot unmarshal ${goJsonKind(patch)} into Go value of type jsonpatch.Patch`, true);
  }
  for (const op of patch) {
    if (!isMap(op) && op !== null) throw new JsonPatchError(`json: cannot unmarshal ${goJsonKind(op)} into Go value of type jsonpatch.Operation`, true);
  }
  let root = structuredClone(doc) as Container;
  for (const raw of patch as (JsonMap | null)[]) {
    const op = raw ?? {};
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    const path = typeof op.path === 'string' ? op.path : undefined;
    const from = typeof op.from === 'string' ? op.from : undefined;
    switch (kind) {
      case 'add': {
        if (path === undefined) throw new JsonPatchError(`add operation failed to decode path: ${MISSING}`);
        const [con, key] = findObject(root, path);
        if (!con) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
        wrap(() => add(con, key, structuredClone(op.value ?? null)), `error in add for path: '${path}'`);
        break;
      }
      case 'remove': {
        if (path === undefined) throw new JsonPatchError(`remove operation failed to decode path: ${MISSING}`);
        const [con, key] = findObject(root, path);
        if (!con) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
        wrap(() => remove(con, key), `error in remove for path: '${path}'`);
        break;
      }
      case 'replace': {
        if (path === undefined) throw new JsonPatchError(`replace operation failed to decode path: ${MISSING}`);
        if (path === '') {
          root = structuredClone(op.value) as Container;
          break;
        }
        const [con, key] = findObject(root, path);
        if (!con) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
        try {
          get(con, key);
        } catch {
          throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
        }
        set(con, key, structuredClone(op.value ?? null));
        break;
      }
      case 'move': {
        if (from === undefined) throw new JsonPatchError(`move operation failed to decode from: ${MISSING}`);
        const [con, key] = findObject(root, from);
        if (!con) throw new JsonPatchError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
        const val = wrap(() => get(con, key), `error in move for path: '${key}'`);
        wrap(() => remove(con, key), `error in move for path: '${key}'`);
        if (path === undefined) throw new JsonPatchError(`move operation failed to decode path: ${MISSING}`);
        const [dst, dkey] = findObject(root, path);
        if (!dst) throw new JsonPatchError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
        wrap(() => add(dst, dkey, val ?? null), `error in move for path: '${path}'`);
        break;
      }
      case 'copy': {
        if (from === undefined) throw new JsonPatchError(`copy operation failed to decode from: ${MISSING}`);
        const [con, key] = findObject(root, from);
        if (!con) throw new JsonPatchError(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
        const val = wrap(() => get(con, key), `error in copy for from: '${from}'`);
        if (path === undefined) throw new JsonPatchError(`copy operation failed to decode path: ${MISSING}`);
        const [dst, dkey] = findObject(root, path);
        if (!dst) throw new JsonPatchError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
        wrap(() => add(dst, dkey, structuredClone(val ?? null)), 'error while adding value during copy');
        break;
      }
      case 'test': {
        if (path === undefined) throw new JsonPatchError(`test operation failed to decode path: ${MISSING}`);
        const [con, key] = findObject(root, path);
        if (!con) throw new JsonPatchError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
        const val = wrap(() => get(con, key), `error in test for path: '${path}'`);
        const ok = val === undefined ? !('value' in op) : 'value' in op && sameJson(val, op.value);
        if (!ok) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return root;
}

/** Applies an RFC 7386 merge patch: objects merge, `null` deletes, anything else replaces. */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  const base = isMap(doc) ? structuredClone(doc) : {};
  return mergeDocs(base, patch);
}

function mergeDocs(doc: JsonMap, patch: JsonMap): JsonMap {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else if (isMap(v) && isMap(doc[k])) doc[k] = mergeDocs(doc[k] as JsonMap, v);
    else doc[k] = pruneNulls(structuredClone(v));
  }
  return doc;
}

function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}

function wrap<T>(fn: () => T, prefix: string): T {
  try {
    return fn();
  } catch (e) {
    throw new JsonPatchError(`${prefix}: ${(e as Error).message}`);
  }
}

function decodeKey(k: string): string {
  return k.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** findObject: walks all but the last token; undefined when a step is missing. */
function findObject(root: Container, path: string): [Container | undefined, string] {
  const split = path.split('/');
  if (split.length < 2) return [undefined, ''];
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(doc, decodeKey(part));
    } catch {
      return [undefined, ''];
    }
    if (!isMap(next) && !Array.isArray(next)) return [undefined, ''];
    doc = next;
  }
  return [doc, decodeKey(split[split.length - 1])];
}

function index(key: string, len: number, forAdd: boolean): number {
  if (!/^[+-]?\d+$/.test(key)) throw new Error(`strconv.Atoi: parsing "${key}": invalid syntax`);
  let idx = Number(key);
  if (idx >= len + (forAdd ? 1 : 0)) throw new Error(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
  if (idx < 0) {
    if (idx < -len) throw new Error(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);
    idx += len;
  }
  return idx;
}

function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return con[key];
  return con[index(key, con.length, false)];
}

function set(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) con[key] = val;
  else con[index(key, con.length, false)] = val;
}

function add(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) {
    con[key] = val;
    return;
  }
  if (key === '-') {
    con.push(val);
    return;
  }
  con.splice(index(key, con.length, true), 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!(key in con)) throw new Error(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  con.splice(index(key, con.length, false), 1);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ak = Object.keys(a);
    return ak.length === Object.keys(b).length && ak.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** The Go JSON kind word of a value (`object`, `array`, `string`, `number`, `bool`). */
export function goJsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}
