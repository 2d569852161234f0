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
import type { Pod, ReplicaSet } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { claimObjects } from './replicaset/claim.js';
import { podsToDeleteIndexed } from './replicaset/pod-ranking.js';
import { controllerOf, isControlledBy, isPodAvailable, isPodReady, newControllerRef, podAvailableAt } from './replicaset/pod-util.js';
import { RsPodIndex } from './replicaset/rs-pod-index.js';
import { Requeue } from './replicaset/requeue.js';

const COMPONENT = 'replicaset-controller';
/** `BurstReplicas`: at most this many creates or deletes per sync. */
const BURST_REPLICAS = 500;

/** Creates the ReplicaSet controller. */
export function createReplicaSetController(ctx: ControllerContext): Controller {
  /** ReplicaSets whose inputs changed since their last sync. */
  const dirty = new Set<string>();
  /** ReplicaSet key by uid, and the keys per namespace (an orphan wakes every ReplicaSet of its namespace). */
  const keyByUid = new Map<string, string>();
  const keysByNs = new Map<string, Set<string>>();
  /** ReplicaSets whose status changes with time alone (minReadySeconds): key → the first instant it can (their wake-up). */
  const dueAt = new Map<string, number>();
  let primed = false;
  const index = new RsPodIndex(ctx.store, (uid, ns) => {
    if (uid === undefined) for (const k of keysByNs.get(ns) ?? []) dirty.add(k);
    else {
      const k = keyByUid.get(uid);
      if (k !== undefined) dirty.add(k);
    }
  });
  const observe = (rs: ReplicaSet, deleted: boolean) => {
    const k = `${rs.metadata.namespace}/${rs.metadata.name}`;
    const ns = rs.metadata.namespace!;
    if (deleted) {
      keyByUid.delete(rs.metadata.uid!);
      keysByNs.get(ns)?.delete(k);
    } else {
      keyByUid.set(rs.metadata.uid!, k);
      let set = keysByNs.get(ns);
      if (!set) keysByNs.set(ns, (set = new Set()));
      set.add(k);
    }
    dirty.add(k);
  };
  ctx.store.watch((e) => {
    if (primed && e.object.kind === 'ReplicaSet') observe(e.object as ReplicaSet, e.type === 'DELETED');
  }, { readOnly: true });

  const controller: Controller = {
    name: COMPONENT,
    sync: () => {
      const before = ctx.store.resourceVersion();
      if (!primed) {
        primed = true;
        for (const rs of ctx.store.view<ReplicaSet>('ReplicaSet')) observe(rs, false);
        index.prime();
      }
      const now = ctx.clock.now();
      // The full scan, with the sync of a ReplicaSet whose pods and spec did not change (and whose
      // pods did not turn available meanwhile) reduced to what it would do: ask for its wake-up.
      for (const rs of [...ctx.store.view<ReplicaSet>('ReplicaSet')]) {
        const key = `${rs.metadata.namespace}/${rs.metadata.name}`;
        const due = dueAt.get(key);
        if (!dirty.has(key) && (due === undefined || due > now)) {
          if (due !== undefined) requeue.at(key, due);
          continue;
        }
        dirty.delete(key);
        dueAt.delete(key);
        const rv = ctx.store.resourceVersion();
        const next = syncReplicaSet(ctx, requeue, index, rs.metadata.namespace!, rs.metadata.name!);
        if (next !== undefined) dueAt.set(key, next);
        // A sync that wrote anything is looked at again next pass.
        if (ctx.store.resourceVersion() !== rv) dirty.add(key);
      }
      for (const key of dirty) {
        const slash = key.indexOf('/');
        if (!ctx.store.peek('ReplicaSet', key.slice(0, slash), key.slice(slash + 1))) dirty.delete(key);
      }
      return ctx.store.resourceVersion() !== before;
    },
  };
  const requeue = new Requeue(ctx.clock, COMPONENT, () => controller.sync());
  return controller;
}

/** One ReplicaSet's sync; returns the first instant its status can change with time alone, if any. */
function syncReplicaSet(ctx: ControllerContext, requeue: Requeue, index: RsPodIndex, ns: string, name: string): number | undefined {
  const rs = ctx.store.find<ReplicaSet>('ReplicaSet', ns, name);
  if (!rs) return undefined;
  const uid = rs.metadata.uid!;
  const deleting = Boolean(rs.metadata.deletionTimestamp);
  const pre = index.refresh(rs);
  const adopted = claimCandidates(ctx, rs, index, ns);
  let owned = pre.matching.pods + adopted;
  if (!deleting) {
    index.refresh(rs);
    manageReplicas(ctx, rs, owned, () => index.keys(uid, true).map((k) => index.pod(k)), (count) => {
      const onNode = relatedOnNodes(ctx, index, rs);
      const buckets = [...index.buckets(uid)].map((bucket) => ({ bucket, rank: onNode.get(bucket.node) ?? 0 }));
      return podsToDeleteIndexed(buckets, index.ordered(uid), count, ctx.clock.now());
    });
  }
  const now = ctx.clock.now();
  const minReady = rs.spec.minReadySeconds ?? 0;
  const counts = deleting ? pre.matching : index.refresh(rs).all;
  owned = counts.pods;
  let available = counts.ready;
  let due: number | undefined;
  if (minReady > 0) {
    const pods = index.keys(uid, deleting).map((k) => peekPod(ctx, k));
    available = pods.filter((p) => isPodAvailable(p, minReady, now)).length;
    const waits = pods.filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now)).map((p) => podAvailableAt(p, minReady) ?? now);
    if (waits.length > 0) due = Math.min(...waits);
  }
  writeStatus(ctx, rs, { replicas: owned, fullyLabeled: counts.fullyLabeled, ready: counts.ready, available });
  if (due !== undefined) requeue.at(`${ns}/${name}`, due);
  return due;
}

function peekPod(ctx: ControllerContext, key: string): Pod {
  const slash = key.indexOf('/');
  return ctx.store.peek<Pod>('Pod', key.slice(0, slash), key.slice(slash + 1))!;
}

/**
 * `ClaimPods` over the only pods it can change: controlled ones that no longer match (released)
 * and matching orphans (adopted), in key order as a scan of the namespace meets them. Returns
 * the number adopted.
 */
function claimCandidates(ctx: ControllerContext, rs: ReplicaSet, index: RsPodIndex, ns: string): number {
  const orphans = index.orphansIn(ns);
  const mismatched = index.mismatched(rs.metadata.uid!);
  if (orphans.size === 0 && mismatched.size === 0) return 0;
  const keys = [...new Set([...mismatched, ...orphans])].sort();
  return claimObjects(ctx, rs, rs.spec.selector ?? {}, keys.map((k) => peekPod(ctx, k))).length;
}

/** `manageReplicas`: create the missing pods or delete the surplus ones. */
function manageReplicas(ctx: ControllerContext, rs: ReplicaSet, ownedCount: number, ownedPods: () => Pod[], rankedVictims: (count: number) => Pod[]): void {
  const want = rs.spec.replicas ?? 1;
  const diff = ownedCount - want;
  if (diff < 0) {
    // At kubelab's pod capacity (ApiServer.maxPods) no create is tried: the API server would refuse each
    // one, and recording a FailedCreate per attempt would keep the controllers from settling.
    const room = ctx.api.maxPods - ctx.store.count('Pod');
    const count = Math.min(-diff, BURST_REPLICAS, Math.max(0, room));
    for (let i = 0; i < count; i++) {
      if (!createPod(ctx, rs)) break;
    }
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const victims = count >= ownedCount ? ownedPods().slice(0, count) : rankedVictims(count);
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

/** `getIndirectlyRelatedPods`, counted per node: active pods of every ReplicaSet sharing this one's controller (or just its own). */
function relatedOnNodes(ctx: ControllerContext, index: RsPodIndex, rs: ReplicaSet): Map<string, number> {
  const ns = rs.metadata.namespace!;
  const ctrl = controllerOf(rs);
  const siblings = ctrl ? ctx.store.view<ReplicaSet>('ReplicaSet', ns).filter((r) => isControlledBy(r, ctrl.uid)) : [rs];
  const onNode = new Map<string, number>();
  for (const uid of new Set(siblings.map((r) => r.metadata.uid!))) {
    for (const [node, n] of index.perNode(uid)) onNode.set(node, (onNode.get(node) ?? 0) + n);
  }
  return onNode;
}

/** `calculateStatus` + `updateReplicaSetStatus`: counts over the owned active pods; zero counts omitted as the API's omitempty does. */
function writeStatus(ctx: ControllerContext, rs: ReplicaSet, counts: { replicas: number; fullyLabeled: number; ready: number; available: number }): void {
  const { fullyLabeled, ready, available } = counts;
  const status: NonNullable<ReplicaSet['status']> = { replicas: counts.replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  const conditions = (rs.status as Record<string, unknown> | undefined)?.conditions;
  if (conditions !== undefined) (status as Record<string, unknown>).conditions = conditions;
  if (sameJson(rs.status, status)) return;
  const stored = ctx.store.peek<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
  if (!stored) return;
  // A new version sharing the stored spec (stored objects are never changed in place).
  ctx.store.updateOwned({ ...stored, metadata: { ...stored.metadata }, status });
}
