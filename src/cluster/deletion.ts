/**
 * What DELETE does besides removing (apiserver `pkg/registry/rest/delete.go` BeforeDelete,
 * `registry/generic/registry/store.go` finalizer handling, `pkg/registry/core/pod/strategy.go`
 * CheckGracefulDelete), installed as the API server's deletion hook:
 *
 * - Pods are deleted gracefully: deletionTimestamp = now + grace and deletionGracePeriodSeconds
 *   = grace, grace being the request's gracePeriodSeconds, else the pod's
 *   terminationGracePeriodSeconds (30 when unset, the default). Grace 0, an unscheduled pod
 *   (no nodeName) or a Succeeded/Failed pod is removed at once. A second delete can only shorten
 *   the grace. Removing a terminating pod for real is the kubelet's job (`api.remove`).
 * - `Foreground`: deletionTimestamp = now, grace 0, finalizer `foregroundDeletion`; the garbage
 *   collector deletes the dependents, then the finalizer, then the object.
 * - `Orphan`: the owner's ownerReferences are removed from its dependents, then the owner goes.
 *   (Upstream does this through the `orphan` finalizer and the garbage collector; the end state
 *   is the same, reached within the request.)
 * - `Background` (the default): the object goes at once; the garbage collector deletes the
 *   dependents afterwards.
 * - An object with finalizers of its own is only marked (deletionTimestamp) and stays.
 *
 * Not modelled: pods keep no `foregroundDeletion` finalizer (they have no dependents), and the
 * generation bump of a marked object (the store recomputes generation from the spec).
 */
import type { DeleteOptions } from './api-server.js';
import type { Cluster } from './cluster.js';
import { RESOURCE_TYPES } from './resources.js';
import { deepCopy } from './store.js';
import type { KubeObject, Pod } from './types.js';

/** The finalizer of foreground cascading deletion (metav1.FinalizerDeleteDependents). */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** Installs the API server's deletion hooks (grace periods, propagation policies). */
export function installDeletion(cluster: Cluster): void {
  cluster.api.deletionHooks = {
    beginDelete: (obj, opts) => beginDelete(cluster, obj, opts),
  };
}

function beginDelete(cluster: Cluster, obj: KubeObject, opts: DeleteOptions): KubeObject | undefined {
  const { store, clock } = cluster;
  if (obj.kind === 'Pod') return deletePod(cluster, obj as Pod, opts);
  if (obj.metadata.deletionTimestamp) return obj;
  const policy = opts.propagationPolicy ?? 'Background';
  if (policy === 'Orphan') orphanDependents(cluster, obj);
  const marked = deepCopy(obj);
  const finalizers = [...(marked.metadata.finalizers ?? [])];
  if (policy === 'Foreground' && !finalizers.includes(FOREGROUND_FINALIZER)) finalizers.push(FOREGROUND_FINALIZER);
  if (finalizers.length === 0) return undefined;
  marked.metadata.finalizers = finalizers;
  marked.metadata.deletionTimestamp = clock.timestamp();
  marked.metadata.deletionGracePeriodSeconds = 0;
  return store.update(marked);
}

/** `CheckGracefulDelete` + `BeforeDelete` for pods. */
function deletePod(cluster: Cluster, pod: Pod, opts: DeleteOptions): KubeObject | undefined {
  let grace = opts.gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec?.nodeName) grace = 0;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') grace = 0;
  if (grace < 0) grace = 1;
  if (opts.propagationPolicy === 'Orphan') orphanDependents(cluster, pod);
  if (grace === 0) return pod.metadata.finalizers?.length ? markPod(cluster, pod, 0) : undefined;
  if (pod.metadata.deletionTimestamp) {
    // Only a shorter grace period changes a pod already terminating.
    const current = pod.metadata.deletionGracePeriodSeconds ?? grace;
    if (grace >= current) return pod;
  }
  return markPod(cluster, pod, grace);
}

/** Marks a pod terminating: deletionTimestamp = now + grace. */
function markPod(cluster: Cluster, pod: Pod, seconds: number): KubeObject {
  const marked = deepCopy(pod);
  marked.metadata.deletionTimestamp = cluster.clock.timestamp(seconds * 1000);
  marked.metadata.deletionGracePeriodSeconds = seconds;
  return cluster.store.update(marked);
}

/** Removes every ownerReference to `owner` (by uid) from objects in its namespace. */
export function orphanDependents(cluster: Cluster, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  for (const kind of dependentKinds(cluster)) {
    for (const dep of cluster.store.view(kind)) {
      const refs = dep.metadata.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) continue;
      const copy = deepCopy(dep);
      const rest = refs.filter((r) => r.uid !== uid);
      if (rest.length > 0) copy.metadata.ownerReferences = rest;
      else delete copy.metadata.ownerReferences;
      cluster.store.update(copy);
    }
  }
}

/** Every kind kubelab models (any can be a dependent). */
export function dependentKinds(_cluster?: Cluster): string[] {
  return RESOURCE_TYPES.map((r) => r.kind);
}
