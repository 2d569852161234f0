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

/**
 * True if `a` should be deleted before `b`: unscheduled first; Pending < Unknown < Running;
 * not ready first; lower deletion cost; more co-located pods; more recently ready (log2 buckets,
 * then uid); more restarts; newer creation (log2 buckets, then uid).
 */
export function deletesBefore(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa < ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = podReadySince(pa) ?? 0;
    const tb = podReadySince(pb) ?? 0;
    if (ta !== tb) {
      if (ta === 0 || tb === 0) return ta === 0;
      const diff = logRankDiff(ta, tb, nowMs);
      if (diff === 0) return (pa.metadata.uid ?? '') < (pb.metadata.uid ?? '');
      return diff < 0;
    }
  }
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa !== xb) return xa > xb;
  const ta = createdAt(pa);
  const tb = createdAt(pb);
  if (ta !== tb) {
    if (ta === 0 || tb === 0) return ta === 0;
    const diff = logRankDiff(ta, tb, nowMs);
    if (diff === 0) return (pa.metadata.uid ?? '') < (pb.metadata.uid ?? '');
    return diff < 0;
  }
  return false;
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
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  // A stable insertion sort: Go's sort.Sort is not stable, but a deterministic order is what matters here.
  const sorted: RankedPod[] = [];
  for (const r of ranked) {
    let i = sorted.length;
    while (i > 0 && deletesBefore(r, sorted[i - 1], nowMs)) i--;
    sorted.splice(i, 0, r);
  }
  return sorted.slice(0, diff).map((r) => r.pod);
}
