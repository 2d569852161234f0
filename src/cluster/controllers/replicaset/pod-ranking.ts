/**
 * Which surplus pods a ReplicaSet deletes first: `controller.ActivePodsWithRanks.Less` and
 * `getPodsToDelete` / `getPodsRankedByRelatedPodsOnSameNode` from kubernetes
 * `pkg/controller/controller_utils.go` and `pkg/controller/replicaset/replica_set.go`, with the
 * v1.32 default feature gates (PodDeletionCost and LogarithmicScaleDown on).
 */
import type { Pod } from '../../types.js';
import { createdAt, isPodActive, isPodReady, podReadySince } from './pod-util.js';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** The pod-deletion-cost annotation (`controller.kubernetes.io/pod-deletion-cost`), 0 if absent or bad. */
export function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (raw === undefined || !/^-?\d+$/.test(raw)) return 0;
  return Number(raw);
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** `logarithmicRankDiff`: floor(log2(ns since t)) of each, subtracted; −1 for a non-positive age. */
function logRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** A pod with its rank: how many active related pods share its node. */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** Everything the order reads of one pod (timestamps parsed once, not per comparison). */
interface Intrinsic {
  pod: Pod;
  unscheduled: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  readySince: number;
  restarts: number;
  created: number;
  uid: string;
  /** The primary fields but the rank, as one string. */
  id: string;
}

/** A pod with its fields and its rank. */
interface Keyed {
  i: Intrinsic;
  rank: number;
}

function intrinsicOf(p: Pod): Intrinsic {
  const ready = isPodReady(p);
  const unscheduled = (p.spec.nodeName ?? '') === '';
  const phase = PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
  const cost = deletionCost(p);
  return {
    pod: p,
    unscheduled,
    phase,
    ready,
    cost,
    readySince: ready ? (podReadySince(p) ?? 0) : 0,
    restarts: maxRestarts(p),
    created: createdAt(p),
    uid: p.metadata.uid ?? '',
    id: `${unscheduled}|${phase}|${ready}|${cost}`,
  };
}

/** Stored pods never change (a write stores a new object), so their fields can be kept. */
const STORED = new WeakMap<Pod, Intrinsic>();

/** `intrinsicOf` for a stored (never mutated) pod, computed once per pod version. */
export function storedIntrinsicOf(p: Pod): Intrinsic {
  let i = STORED.get(p);
  if (!i) STORED.set(p, (i = intrinsicOf(p)));
  return i;
}

/**
 * True if `a` should be deleted before `b`: unscheduled first; Pending < Unknown < Running;
 * not ready first; lower deletion cost; more co-located pods; more recently ready (log2 buckets,
 * then uid); more restarts; newer creation (log2 buckets, then uid).
 */
export function deletesBefore(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  return keyedBefore({ i: intrinsicOf(a.pod), rank: a.rank }, { i: intrinsicOf(b.pod), rank: b.rank }, nowMs);
}

function keyedBefore(a: Keyed, b: Keyed, nowMs: number): boolean {
  const primary = comparePrimary(a, b);
  if (primary !== 0) return primary < 0;
  const x = a.i;
  const y = b.i;
  if (x.ready && y.ready) {
    const ta = x.readySince;
    const tb = y.readySince;
    if (ta !== tb) {
      if (ta === 0 || tb === 0) return ta === 0;
      const diff = logRankDiff(ta, tb, nowMs);
      if (diff === 0) return x.uid < y.uid;
      return diff < 0;
    }
  }
  if (x.restarts !== y.restarts) return x.restarts > y.restarts;
  const ta = x.created;
  const tb = y.created;
  if (ta !== tb) {
    if (ta === 0 || tb === 0) return ta === 0;
    const diff = logRankDiff(ta, tb, nowMs);
    if (diff === 0) return x.uid < y.uid;
    return diff < 0;
  }
  return false;
}

/**
 * The first criteria (scheduled, phase, ready, deletion cost, node rank): a consistent order,
 * negative when `a` goes first. The later ones (times in log2 buckets with uid ties) are not
 * transitive, so only the insertion sort below defines the order among pods equal here.
 */
function comparePrimary(a: Keyed, b: Keyed): number {
  const x = a.i;
  const y = b.i;
  if (x.unscheduled !== y.unscheduled) return x.unscheduled ? -1 : 1;
  if (x.phase !== y.phase) return x.phase - y.phase;
  if (x.ready !== y.ready) return x.ready ? 1 : -1;
  if (x.cost !== y.cost) return x.cost - y.cost;
  return b.rank - a.rank;
}

/**
 * `getPodsToDelete`: the first `diff` pods in deletion order. `related` are the active pods of
 * every ReplicaSet with the same controller (a Deployment's siblings), used for the node rank.
 * When every pod goes, upstream skips the sort; so does this.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, nowMs: number): Pod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  return podsToDeleteOnNodes(pods, onNode, diff, nowMs, intrinsicOf);
}

/**
 * `podsToDelete` with the related pods already counted per node name, and a source of each
 * pod's fields (`storedIntrinsicOf` for stored pods).
 */
export function podsToDeleteOnNodes(pods: Pod[], onNode: ReadonlyMap<string, number>, diff: number, nowMs: number, fields: (p: Pod) => Intrinsic = intrinsicOf): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  // A stable insertion sort (Go's sort.Sort is not stable, but a deterministic order is what
  // matters here). Scanning from the end, a pod never passes one that is first on the primary
  // criteria, so the sorted list stays grouped by them: sorting each group alone (in input
  // order) and taking the groups in primary order gives the same list, in far fewer steps.
  const byPrimary = new Map<string, Keyed[]>();
  for (const pod of pods) {
    const k: Keyed = { i: fields(pod), rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 };
    const id = `${k.i.id}|${k.rank}`;
    const g = byPrimary.get(id);
    if (g) g.push(k);
    else byPrimary.set(id, [k]);
  }
  const groups = [...byPrimary.values()].sort((x, y) => comparePrimary(x[0], y[0]));
  return takeFromGroups(groups.map((g) => ({ head: g[0], members: () => g })), diff, nowMs);
}

/** A group of pods equal on the primary criteria; `members` gives them in input (key) order. */
export interface PrimaryGroup {
  head: Keyed;
  members: () => Keyed[];
}

/**
 * `podsToDeleteOnNodes` over pods already grouped by their primary fields but the rank (the
 * pod index keeps them so per ReplicaSet and node): the groups of one rank are merged, and
 * only the groups the deletion reaches are sorted.
 */
export function podsToDeleteGrouped(buckets: { id: string; head: Pod; rank: number; keys: readonly string[] }[], podOf: (key: string) => Pod, diff: number, nowMs: number): Pod[] {
  const byPrimary = new Map<string, { head: Keyed; keys: (readonly string[])[] }>();
  for (const b of buckets) {
    if (b.keys.length === 0) continue;
    const id = `${b.id}|${b.rank}`;
    const g = byPrimary.get(id);
    if (g) g.keys.push(b.keys);
    else byPrimary.set(id, { head: { i: storedIntrinsicOf(b.head), rank: b.rank }, keys: [b.keys] });
  }
  const groups = [...byPrimary.values()]
    .sort((x, y) => comparePrimary(x.head, y.head))
    .map((g) => ({ head: g.head, members: () => g.keys.flat().sort().map((k) => ({ i: storedIntrinsicOf(podOf(k)), rank: g.head.rank })) }));
  return takeFromGroups(groups, diff, nowMs);
}

function takeFromGroups(groups: PrimaryGroup[], diff: number, nowMs: number): Pod[] {
  const out: Pod[] = [];
  for (const g of groups) {
    if (out.length >= diff) break;
    const group = g.members();
    const sorted: Keyed[] = [];
    for (const r of group) {
      let i = sorted.length;
      while (i > 0 && keyedBefore(r, sorted[i - 1], nowMs)) i--;
      sorted.splice(i, 0, r);
    }
    for (const r of sorted) {
      if (out.length >= diff) break;
      out.push(r.i.pod);
    }
  }
  return out;
}
