/**
 * The ReplicaSet controller (kubernetes `pkg/controller/replicaset/replica_set.go`
 * `syncReplicaSet`, `manageReplicas`, `calculateStatus`; pod construction from
 * `controller_utils.go` `GetPodFromTemplate`). Each pass, per ReplicaSet: claim the active pods
 * that match its selector (ControllerRef rules), create or delete pods to reach spec.replicas
 * (surplus chosen in ActivePodsWithRanks order), then write status.
 *
 * Differences from upstream, all in timing only: there are no expectations (writes are
 * synchronous), and status is computed after this pass's creates and deletes rather than before,
 * which folds in the follow-up sync that the pod events would trigger. Availability with
 * minReadySeconds is re-checked by a virtual-clock timer at the instant a pod turns available.
 */
import { ApiError } from '../errors.js';
import { sameJson } from '../store.js';
import { selectorMatches } from '../selectors.js';
import type { Pod, ReplicaSet } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { claimObjects } from './replicaset/claim.js';
import { podsToDelete } from './replicaset/pod-ranking.js';
import { controllerOf, isControlledBy, isPodActive, isPodAvailable, isPodReady, newControllerRef, podAvailableAt } from './replicaset/pod-util.js';
import { Requeue } from './replicaset/requeue.js';

const COMPONENT = 'replicaset-controller';
/** `BurstReplicas`: at most this many creates or deletes per sync. */
const BURST_REPLICAS = 500;

/** Creates the ReplicaSet controller. */
export function createReplicaSetController(ctx: ControllerContext): Controller {
  const controller: Controller = {
    name: COMPONENT,
    sync: () => {
      const before = ctx.store.resourceVersion();
      for (const rs of [...ctx.store.view<ReplicaSet>('ReplicaSet')]) {
        syncReplicaSet(ctx, requeue, rs.metadata.namespace!, rs.metadata.name!);
      }
      return ctx.store.resourceVersion() !== before;
    },
  };
  const requeue = new Requeue(ctx.clock, COMPONENT, () => controller.sync());
  return controller;
}

function syncReplicaSet(ctx: ControllerContext, requeue: Requeue, ns: string, name: string): void {
  const rs = ctx.store.find<ReplicaSet>('ReplicaSet', ns, name);
  if (!rs) return;
  const active = ctx.store.view<Pod>('Pod', ns).filter(isPodActive);
  let owned = claimObjects(ctx, rs, rs.spec.selector ?? {}, active);
  if (!rs.metadata.deletionTimestamp) {
    manageReplicas(ctx, rs, owned);
    owned = ctx.store.view<Pod>('Pod', ns).filter((p) => isPodActive(p) && isControlledBy(p, rs.metadata.uid));
  }
  const now = ctx.clock.now();
  const minReady = rs.spec.minReadySeconds ?? 0;
  writeStatus(ctx, rs, owned, minReady, now);
  if (minReady > 0) {
    const waits = owned.filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now)).map((p) => podAvailableAt(p, minReady) ?? now);
    if (waits.length > 0) requeue.at(`${ns}/${name}`, Math.min(...waits));
  }
}

/** `manageReplicas`: create the missing pods or delete the surplus ones. */
function manageReplicas(ctx: ControllerContext, rs: ReplicaSet, owned: Pod[]): void {
  const want = rs.spec.replicas ?? 1;
  const diff = owned.length - want;
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    for (let i = 0; i < count; i++) {
      if (!createPod(ctx, rs)) break;
    }
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const victims = podsToDelete(owned, relatedPods(ctx, rs), count, ctx.clock.now());
    for (const pod of victims) {
      try {
        ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name!);
        ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
      } catch (e) {
        if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
      }
    }
  }
}

/** `GetPodFromTemplate` + `CreatePods`: labels, annotations and finalizers from the template, a controller ref, the template's spec. */
function createPod(ctx: ControllerContext, rs: ReplicaSet): boolean {
  const tmpl = rs.spec.template;
  const meta = tmpl.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: [newControllerRef(rs)],
    },
    spec: structuredClone(tmpl.spec),
  };
  if (meta.annotations && Object.keys(meta.annotations).length > 0) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers && meta.finalizers.length > 0) pod.metadata.finalizers = [...meta.finalizers];
  try {
    const created = ctx.api.create<Pod>(pod).object;
    ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, COMPONENT);
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    // Upstream records FailedCreate with the server's message and retries later.
    ctx.events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, COMPONENT);
    return false;
  }
}

/** `getIndirectlyRelatedPods`: active pods of every ReplicaSet sharing this one's controller (or just its own). */
function relatedPods(ctx: ControllerContext, rs: ReplicaSet): Pod[] {
  const ns = rs.metadata.namespace!;
  const ctrl = controllerOf(rs);
  const siblings = ctrl ? ctx.store.view<ReplicaSet>('ReplicaSet', ns).filter((r) => isControlledBy(r, ctrl.uid)) : [rs];
  const uids = new Set(siblings.map((r) => r.metadata.uid));
  return ctx.store.view<Pod>('Pod', ns).filter((p) => {
    const ref = controllerOf(p);
    return ref !== undefined && uids.has(ref.uid) && isPodActive(p);
  });
}

/** `calculateStatus` + `updateReplicaSetStatus`: counts over the owned active pods; zero counts omitted as the API's omitempty does. */
function writeStatus(ctx: ControllerContext, rs: ReplicaSet, owned: readonly Pod[], minReady: number, now: number): void {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of owned) {
    if (selectorMatches({ matchLabels: templateLabels }, p.metadata.labels ?? {})) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
  }
  const status: NonNullable<ReplicaSet['status']> = { replicas: owned.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  const conditions = (rs.status as Record<string, unknown> | undefined)?.conditions;
  if (conditions !== undefined) (status as Record<string, unknown>).conditions = conditions;
  if (sameJson(rs.status, status)) return;
  const fresh = ctx.store.find<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
  if (!fresh) return;
  fresh.status = status;
  ctx.store.update(fresh);
}
