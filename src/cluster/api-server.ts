/**
 * The API server's front door: every client (kubectl, `kubelab serve`, controllers) writes
 * through here. Order per request, as kube-apiserver does it: decode (strict field
 * validation) → defaulting → validation → storage. A rejected object changes nothing.
 */
import { decodeObject, defaultObject, validateCreate, validateUpdate, prepareForCreate, prepareForUpdate } from './admission/index.js';
import type { VirtualClock } from './clock.js';
import { ApiError, badRequest, invalid, notFound } from './errors.js';
import { applyPatch, type PatchType } from './patch/index.js';
import { findResourceForKind, resourceForKind } from './resources.js';
import { deepCopy, type Store } from './store.js';
import type { KubeObject, LabelSelector } from './types.js';
import { selectorMatches } from './selectors.js';

/** `Strict` rejects unknown or duplicate fields, `Warn` reports them, `Ignore` drops them. A request without the parameter is Warn, as the real server treats it; kubectl's apply/create send Strict. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The real API server's limit on a request body (MaxRequestBodyBytes, 3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** Options of a write. */
export interface WriteOptions {
  dryRun?: boolean;
  /** Size of the request body as the client sent it (checked against MAX_REQUEST_BODY_BYTES). */
  bodyBytes?: number;
  fieldValidation?: FieldValidation;
  fieldManager?: string;
}

/** The result of a write: the stored object and the server's warnings (`Warning: ...`). */
export interface WriteResult<T extends KubeObject = KubeObject> {
  object: T;
  warnings: string[];
}

/** Options of a delete (metav1.DeleteOptions). */
export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/** What graceful deletion and cascading need from the rest of the cluster. */
export interface DeletionHooks {
  /** Called instead of removing the object when it needs graceful deletion (pods) or finalizers. */
  beginDelete?(obj: KubeObject, opts: DeleteOptions): KubeObject | undefined;
}

/** Registry strategies that own server-set fields (ClusterIP allocation and release). */
export interface RegistryHooks {
  /** Called after validation, just before storage, on create (not on dry run). */
  beforeCreate?(obj: KubeObject): void;
  /** Called after an object has left the store. */
  afterDelete?(obj: KubeObject): void;
}

/**
 * kubelab's default cluster capacity: at most this many pods exist at once. A real cluster
 * fills its nodes and leaves the rest Pending while etcd grows; kubelab keeps memory bounded
 * instead and refuses pod creation past this point as a `pods` ResourceQuota would, and the
 * ReplicaSet controller stops creating (`replicas: 1000000` degrades, it does not hang).
 * `new Cluster({ maxPods })` changes it (the scale benchmarks do).
 */
export const DEFAULT_MAX_PODS = 5_000;

/** The simulated kube-apiserver. */
export class ApiServer {
  deletionHooks: DeletionHooks = {};
  /** The cluster's pod capacity (DEFAULT_MAX_PODS unless the cluster was made with another). */
  maxPods = DEFAULT_MAX_PODS;
  registryHooks: RegistryHooks = {};

  constructor(
    readonly store: Store,
    readonly clock: VirtualClock,
  ) {}

  /** Creates an object (POST). Namespaced kinds default to namespace `default`. */
  create<T extends KubeObject>(input: unknown, opts: WriteOptions = {}): WriteResult<T> {
    checkBodySize(opts);
    const { object, warnings } = decodeObject(input, opts.fieldValidation ?? 'Warn');
    const r = resourceForKind(object.kind);
    if (r.namespaced) {
      object.metadata.namespace ??= 'default';
      this.requireNamespace(object.metadata.namespace);
    } else delete object.metadata.namespace;
    defaultObject(object);
    prepareForCreate(object);
    const causes = validateCreate(object);
    if (causes.length > 0) throw invalid(r, object.metadata.name ?? object.metadata.generateName ?? '', causes);
    if (object.kind === 'Pod') {
      const used = this.store.count('Pod');
      if (used >= this.maxPods) {
        throw new ApiError('Forbidden', 403, `pods "${object.metadata.name ?? object.metadata.generateName ?? ''}" is forbidden: exceeded quota: kubelab-capacity, requested: pods=1, used: pods=${used}, limited: pods=${this.maxPods}`, { kind: 'pods', name: object.metadata.name ?? '' });
      }
    }
    if (!opts.dryRun) this.registryHooks.beforeCreate?.(object);
    if (opts.dryRun) {
      if (object.metadata.name && this.store.peek(object.kind, object.metadata.namespace, object.metadata.name)) {
        // Same AlreadyExists as a real create.
        this.store.create(this.store.get(object.kind, object.metadata.namespace, object.metadata.name));
      }
      return { object: object as T, warnings };
    }
    return { object: this.store.create(object) as T, warnings };
  }

  /** Replaces an object (PUT). */
  update<T extends KubeObject>(input: unknown, opts: WriteOptions = {}): WriteResult<T> {
    const { object, warnings } = decodeObject(input, opts.fieldValidation ?? 'Warn');
    const r = resourceForKind(object.kind);
    if (r.namespaced) object.metadata.namespace ??= 'default';
    const old = this.store.get(object.kind, object.metadata.namespace, object.metadata.name!);
    prepareForUpdate(object, old);
    defaultObject(object);
    const causes = validateUpdate(object, old);
    if (causes.length > 0) throw invalid(r, object.metadata.name!, causes);
    if (opts.dryRun) return { object: object as T, warnings };
    return { object: this.store.update(object) as T, warnings };
  }

  /** Applies a patch (PATCH) of the given type to the stored object and writes the result. */
  patch<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): WriteResult<T> {
    checkBodySize(opts);
    const current = this.store.get(kind, namespace, name);
    const patched = applyPatch(current, type, patch);
    // The patch handler's checkName: a patch does not rename or move an object.
    const { name: newName, namespace: newNamespace } = patched.metadata ?? {};
    if (newName !== name) throw badRequest(`the name of the object (${newName ?? ''}) does not match the name on the URL (${name})`);
    if (namespace && newNamespace && newNamespace !== namespace) throw badRequest(`the namespace of the object (${newNamespace}) does not match the namespace on the request (${namespace})`);
    patched.metadata = { ...patched.metadata, resourceVersion: undefined };
    return this.update<T>(patched, opts);
  }

  /** One object (GET); throws NotFound. */
  get<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    return this.store.get<T>(kind, namespace, name);
  }

  /** Objects of a kind, optionally in one namespace and matching a label selector (LIST). */
  list<T extends KubeObject>(kind: string, namespace?: string, selector?: LabelSelector): T[] {
    const all = this.store.view<T>(kind, namespace);
    const picked = selector ? all.filter((o) => selectorMatches(selector, o.metadata.labels ?? {})) : all;
    return picked.map((o) => deepCopy(o));
  }

  /**
   * Deletes an object (DELETE). Pods with a grace period and objects with finalizers stay,
   * marked with deletionTimestamp, until their hook removes them. Returns the object as
   * the server answers.
   */
  delete<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const current = this.store.get(kind, namespace, name);
    if (opts.dryRun) return current as T;
    const kept = this.deletionHooks.beginDelete?.(current, opts);
    if (kept) return kept as T;
    return this.remove<T>(kind, namespace, name);
  }

  /** Removes an object from storage now (the end of graceful deletion) and runs registry hooks. */
  remove<T extends KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const gone = this.store.delete<T>(kind, namespace, name);
    this.registryHooks.afterDelete?.(gone);
    return gone;
  }

  private requireNamespace(ns: string): void {
    if (!this.store.peek('Namespace', undefined, ns)) {
      throw notFound(resourceForKind('Namespace'), ns);
    }
  }
}

/** The API server's 413 for a request body over 3 MiB, before anything is decoded. */
function checkBodySize(opts: WriteOptions): void {
  if (opts.bodyBytes !== undefined && opts.bodyBytes > MAX_REQUEST_BODY_BYTES) {
    throw new ApiError('RequestEntityTooLarge', 413, `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`);
  }
}

/** Size in bytes of a JSON request body, as a client would send it. */
export function jsonBodyBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body));
}

/** True if `kind` is served by kubelab. */
export function isServedKind(kind: string): boolean {
  return findResourceForKind(kind) !== undefined;
}

export { ApiError };
