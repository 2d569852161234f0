/**
 * The object store: a small object tracker in the manner of client-go `testing/fixture.go`.
 * Objects are keyed by kind, namespace and name; one increasing resourceVersion; deep copies in
 * and out; typed API errors; watch notifications delivered synchronously after each write.
 *
 * Fidelity limits: no field selectors beyond name, no pagination, no watch bookmarks or
 * resume from a resourceVersion; validation and defaulting happen in api-server.ts, not here.
 */
import type { VirtualClock } from './clock.js';
import { alreadyExists, conflict, notFound } from './errors.js';
import { resourceForKind } from './resources.js';
import type { Rng } from './rng.js';
import type { KubeObject } from './types.js';

/** A change notification. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/** A watch callback. It receives a deep copy it may keep. */
export type WatchFn = (event: WatchEvent) => void;

/** Deep-copies a JSON object (plain objects and arrays by hand, as structuredClone would copy them; anything else through structuredClone). */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return structuredClone(value);
      out[i] = copyValue(value[i]);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copyValue((value as Record<string, unknown>)[k]);
  return out;
}

/** Options of a watch. */
export interface WatchOptions {
  /**
   * The callback only reads the object during the call and keeps nothing of it (controllers'
   * indexes): it gets the stored object itself instead of a copy.
   */
  readOnly?: boolean;
}

/** In-memory object tracker. */
export class Store {
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  /** Per kind: the keys in order and the objects in the same order, kept up to date on writes. */
  private readonly sorted = new Map<string, SortedKind>();
  private readonly watchers = new Map<WatchFn, boolean>();
  private rv = 0;
  private readonly uidRng: Rng;
  private readonly nameRng: Rng;

  constructor(
    private readonly clock: VirtualClock,
    rng: Rng,
  ) {
    this.uidRng = rng.fork('uid');
    this.nameRng = rng.fork('generate-name');
  }

  /** The newest resourceVersion handed out, as a string. */
  resourceVersion(): string {
    return String(this.rv);
  }

  /** Subscribes to every change; returns the unsubscribe function. */
  watch(fn: WatchFn, opts: WatchOptions = {}): () => void {
    this.watchers.set(fn, opts.readOnly === true);
    return () => this.watchers.delete(fn);
  }

  /**
   * Stores a new object: resolves `generateName` (5 characters of apimachinery's alphabet),
   * sets uid, resourceVersion, creationTimestamp and generation. Throws AlreadyExists.
   */
  create<T extends KubeObject>(input: T): T {
    return deepCopy(this.createOwned(deepCopy(input)));
  }

  /**
   * `create` for a caller that hands over a fresh object it keeps nothing of (the event
   * recorder): stored as it is, without the copies in and out. Returns the stored object, read-only.
   */
  createOwned<T extends KubeObject>(obj: T): Readonly<T> {
    const r = resourceForKind(obj.kind);
    const meta = obj.metadata;
    if (!r.namespaced) delete meta.namespace;
    const bucket = this.bucket(obj.kind);
    if (!meta.name && meta.generateName) {
      // apiserver storage/names: base truncated to 58, plus utilrand.String(5).
      const base = meta.generateName.slice(0, 58);
      do meta.name = base + this.nameRng.string(5);
      while (bucket.has(key(meta.namespace, meta.name)));
    }
    const k = key(meta.namespace, meta.name!);
    if (bucket.has(k)) throw alreadyExists(r, meta.name!);
    meta.uid = this.newUid();
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp = this.clock.timestamp();
    if (r.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    bucket.set(k, obj);
    this.sortedPut(obj.kind, k, obj);
    this.notify('ADDED', obj);
    return obj;
  }

  /** A deep copy of one object; throws NotFound. */
  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const found = this.peek(kind, namespace, name);
    if (!found) throw notFound(resourceForKind(kind), name);
    return deepCopy(found) as T;
  }

  /** A deep copy of one object, or undefined. */
  find<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const found = this.peek(kind, namespace, name);
    return found ? (deepCopy(found) as T) : undefined;
  }

  /**
   * The stored object itself, without a copy. Callers must treat it as read-only; it is for
   * controllers and printers on hot paths (10,000 pods).
   */
  peek<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const ns = resourceForKind(kind).namespaced ? namespace : undefined;
    return this.byKind.get(kind)?.get(key(ns, name)) as T | undefined;
  }

  /** Deep copies of every object of a kind (one namespace, or all when undefined), in key order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    return this.view<T>(kind, namespace).map((o) => deepCopy(o));
  }

  /** Like `list` but without copies: read-only references, sorted by namespace then name. */
  view<T extends KubeObject = KubeObject>(kind: string, namespace?: string): readonly T[] {
    const s = this.sortedOf(kind);
    s.shared = true;
    s.writesSinceView = 0;
    if (namespace === undefined) return s.objects as T[];
    // Keys are `ns/name`, so one namespace is one contiguous run of the order.
    const prefix = `${namespace}/`;
    const from = lowerBound(s.keys, prefix);
    let to = from;
    while (to < s.keys.length && s.keys[to].startsWith(prefix)) to++;
    const run = s.objects.slice(from, to) as T[];
    // Cluster-scoped kinds are keyed `/name` and have no namespace: the filter says none match.
    return run.length > 0 && run[0].metadata.namespace !== namespace ? run.filter((o) => o.metadata.namespace === namespace) : run;
  }

  /** The number of stored objects of a kind. */
  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  /**
   * Replaces a stored object. If the input carries a resourceVersion that is not the stored
   * one, throws Conflict. Keeps uid and creationTimestamp; bumps generation when anything but
   * metadata and status changed (for kinds that have one). A write that changes nothing is
   * skipped and returns the stored object (no new resourceVersion, no event), as the real
   * API server does.
   */
  update<T extends KubeObject>(input: T): T {
    return deepCopy(this.updateOwned(deepCopy(input)));
  }

  /**
   * `update` for a caller that hands over an object no one else holds (a `find` copy it
   * changed, sharing nothing with its own state): stored as it is, without the copies in and
   * out. Returns the stored object (the old one if nothing changed), read-only.
   */
  updateOwned<T extends KubeObject>(obj: T): Readonly<T> {
    const r = resourceForKind(obj.kind);
    const ns = r.namespaced ? obj.metadata.namespace : undefined;
    const bucket = this.bucket(obj.kind);
    const k = key(ns, obj.metadata.name!);
    const old = bucket.get(k);
    if (!old) throw notFound(r, obj.metadata.name!);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(r, obj.metadata.name!);
    }
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (r.hasGeneration) {
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged(old, obj) ? 1 : 0);
    }
    if (sameJson(old, obj)) return old as T;
    obj.metadata.resourceVersion = String(++this.rv);
    bucket.set(k, obj);
    this.sortedPut(obj.kind, k, obj);
    this.notify('MODIFIED', obj);
    return obj;
  }

  /**
   * Removes an object at once and returns it; throws NotFound. Graceful deletion is the API
   * server's. The store's resourceVersion advances (the DELETED event carries the object's last one).
   */
  delete<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const r = resourceForKind(kind);
    const ns = r.namespaced ? namespace : undefined;
    const bucket = this.bucket(kind);
    const k = key(ns, name);
    const old = bucket.get(k);
    if (!old) throw notFound(r, name);
    bucket.delete(k);
    this.sortedRemove(kind, k);
    // etcd gives a delete its own revision; without it `settle` and the controllers' "did I
    // write?" checks (both compare resourceVersion()) would not see deletions.
    this.rv++;
    this.notify('DELETED', old);
    return deepCopy(old) as T;
  }

  /** Every stored object of every kind, for invariant checks and determinism tests. */
  dump(): KubeObject[] {
    return [...this.byKind.keys()].sort().flatMap((kind) => this.list(kind));
  }

  private sortedOf(kind: string): SortedKind {
    let s = this.sorted.get(kind);
    if (!s) {
      const bucket = this.byKind.get(kind);
      const entries = bucket ? [...bucket.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : [];
      s = { keys: entries.map((e) => e[0]), objects: entries.map((e) => e[1]), shared: false, writesSinceView: 0 };
      this.sorted.set(kind, s);
    }
    return s;
  }

  /** Arrays handed out by `view` are never changed: a write after a view copies them first. */
  private writable(kind: string): SortedKind | undefined {
    const s = this.sorted.get(kind);
    if (!s) return undefined;
    // A big kind written many times without a view (events, pods during a rollout) drops its
    // order instead of paying an array shift per write; the next view sorts again.
    if (++s.writesSinceView > 256 && s.keys.length > 256) {
      this.sorted.delete(kind);
      return undefined;
    }
    if (s.shared) {
      s.objects = s.objects.slice();
      s.shared = false;
    }
    return s;
  }

  private sortedPut(kind: string, k: string, obj: KubeObject): void {
    const s = this.writable(kind);
    if (!s) return;
    const i = lowerBound(s.keys, k);
    if (s.keys[i] === k) s.objects[i] = obj;
    else {
      s.keys.splice(i, 0, k);
      s.objects.splice(i, 0, obj);
    }
  }

  private sortedRemove(kind: string, k: string): void {
    const s = this.writable(kind);
    if (!s) return;
    const i = lowerBound(s.keys, k);
    if (s.keys[i] !== k) return;
    s.keys.splice(i, 1);
    s.objects.splice(i, 1);
  }

  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.byKind.get(kind);
    if (!b) {
      b = new Map();
      this.byKind.set(kind, b);
    }
    return b;
  }

  private notify(type: WatchEvent['type'], obj: KubeObject): void {
    if (this.watchers.size === 0) return;
    for (const [fn, readOnly] of [...this.watchers]) fn({ type, object: readOnly ? obj : deepCopy(obj) });
  }

  private newUid(): string {
    // A version-4 UUID, as the API server's uuid.NewUUID gives, from the seeded stream.
    const h = this.uidRng.hex(32);
    const variant = '89ab'[this.uidRng.int(4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** One kind's objects in key order. `shared`: the objects array was handed out by `view`. */
interface SortedKind {
  keys: string[];
  objects: KubeObject[];
  shared: boolean;
  writesSinceView: number;
}

/** The first index whose key is not below `k` (binary search over sorted keys). */
function lowerBound(keys: readonly string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => {
    const { metadata: _m, status: _s, ...rest } = o;
    return rest;
  };
  return !sameJson(strip(a), strip(b));
}

/** Structural equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
