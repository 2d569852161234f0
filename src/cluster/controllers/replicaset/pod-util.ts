/**
 * Pod and owner-reference predicates shared by the workload controllers, after kubernetes
 * `pkg/api/v1/pod/util.go` (IsPodReady, IsPodAvailable), `pkg/controller/controller_utils.go`
 * (IsPodActive, FilterActivePods) and apimachinery `metav1` (GetControllerOf, NewControllerRef).
 */
import { parseTimestamp } from '../../clock.js';
import type { KubeObject, OwnerReference, Pod } from '../../types.js';

/** True if the pod has condition Ready=True (set by the kubelet). */
export function isPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** When the pod last became Ready (epoch ms), or undefined if it is not ready or has no time. */
export function podReadySince(pod: Pod): number | undefined {
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? parseTimestamp(c.lastTransitionTime) : undefined;
}

/**
 * `IsPodAvailable`: ready, and with minReadySeconds > 0 ready for strictly longer than that.
 * Ready at 09:00:00 with minReadySeconds 10: not available at 09:00:10, available at 09:00:10.001.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** The instant a ready pod turns available (epoch ms, the first millisecond after the bound), or undefined. */
export function podAvailableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const since = podReadySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** `IsPodActive`: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** `metav1.GetControllerOf`: the owner reference with controller=true, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
}

/** True if `obj`'s controller reference points at the owner with this uid. */
export function isControlledBy(obj: KubeObject, ownerUid: string | undefined): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && ownerUid !== undefined && ref.uid === ownerUid;
}

/** `metav1.NewControllerRef`: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Epoch ms of an object's creationTimestamp (0 if unset). */
export function createdAt(obj: KubeObject): number {
  return obj.metadata.creationTimestamp ? parseTimestamp(obj.metadata.creationTimestamp) : 0;
}

/**
 * `controller.ReplicaSetsByCreationTimestamp` (and pods alike): older first, ties by name.
 */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const d = createdAt(a) - createdAt(b);
  if (d !== 0) return d;
  const an = a.metadata.name ?? '';
  const bn = b.metadata.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}
