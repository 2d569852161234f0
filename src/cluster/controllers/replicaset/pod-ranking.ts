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

/** A ranked pod with every field the order reads, read once (timestamps parsed once, not per comparison). */
interface Keyed {
  pod: Pod;
  unscheduled: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  readySince: number;
  restarts: number;
  created: number;
  uid: string;
}

/** The primary fields only (cheap: no timestamps); `completeKey` adds the rest. */
function primaryKey(r: RankedPod): Keyed {
  const p = r.pod;
  return {
    pod: p,
    unscheduled: (p.spec.nodeName ?? '') === '',
    phase: PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0,
    ready: isPodReady(p),
    cost: deletionCost(p),
    rank: r.rank,
    readySince: 0,
    restarts: 0,
    created: 0,
    uid: '',
  };
}

function completeKey(k: Keyed): Keyed {
  const p = k.pod;
  k.readySince = k.ready ? (podReadySince(p) ?? 0) : 0;
  k.restarts = maxRestarts(p);
  k.created = createdAt(p);
  k.uid = p.metadata.uid ?? '';
  return k;
}

function keyed(r: RankedPod): Keyed {
  return completeKey(primaryKey(r));
}

/**
 * True if `a` should be deleted before `b`: unscheduled first; Pending < Unknown < Running;
 * not ready first; lower deletion cost; more co-located pods; more recently ready (log2 buckets,
 * then uid); more restarts; newer creation (log2 buckets, then uid).
 */
export function deletesBefore(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  return keyedBefore(keyed(a), keyed(b), nowMs);
}

function keyedBefore(a: Keyed, b: Keyed, nowMs: number): boolean {
  const primary = comparePrimary(a, b);
  if (primary !== 0) return primary < 0;
  if (a.ready && b.ready) {
    const ta = a.readySince;
    const tb = b.readySince;
    if (ta !== tb) {
      if (ta === 0 || tb === 0) return ta === 0;
      const diff = logRankDiff(ta, tb, nowMs);
      if (diff === 0) return a.uid < b.uid;
      return diff < 0;
    }
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  const ta = a.created;
  const tb = b.created;
  if (ta !== tb) {
    if (ta === 0 || tb === 0) return ta === 0;
    const diff = logRankDiff(ta, tb, nowMs);
    if (diff === 0) return a.uid < b.uid;
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
  if (a.unscheduled !== b.unscheduled) return a.unscheduled ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  return b.rank - a.rank;
}

/**
 * `getPodsToDelete`: the first `diff` pods in deletion order. `related` are the active pods of
 * every ReplicaSet with the same controller (a Deployment's siblings), used for the node rank.
 * When every pod goes, upstream skips the sort; so does this.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  const ranked = pods.map((pod) => primaryKey({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  // A stable insertion sort (Go's sort.Sort is not stable, but a deterministic order is what
  // matters here). Scanning from the end, a pod never passes one that is first on the primary
  // criteria, so the sorted list stays grouped by them: sorting each group alone (in input
  // order) and taking the groups in primary order gives the same list, in far fewer steps.
  const byPrimary = new Map<string, Keyed[]>();
  for (const r of ranked) {
    const id = `${r.unscheduled}|${r.phase}|${r.ready}|${r.cost}|${r.rank}`;
    const g = byPrimary.get(id);
    if (g) g.push(r);
    else byPrimary.set(id, [r]);
  }
  const groups = [...byPrimary.values()];
  groups.sort((x, y) => comparePrimary(x[0], y[0]));
  const out: Pod[] = [];
  for (const group of groups) {
    if (out.length >= diff) break;
    const sorted: Keyed[] = [];
    for (const r of group) {
      completeKey(r);
      let i = sorted.length;
      while (i > 0 && keyedBefore(r, sorted[i - 1], nowMs)) i--;
      sorted.splice(i, 0, r);
    }
    for (const r of sorted) {
      if (out.length >= diff) break;
      out.push(r.pod);
    }
  }
  return out;
}
