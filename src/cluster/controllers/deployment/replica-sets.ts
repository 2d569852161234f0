/**
 * ReplicaSet helpers of the deployment controller, after kubernetes
 * `pkg/controller/deployment/util/deployment_util.go` (Revision, MaxRevision, EqualIgnoreHash,
 * FindNewReplicaSet, FindOldReplicaSets, FindActiveOrLatest, IsSaturated, the replica counters,
 * SetNewReplicaSetAnnotations, SetReplicasAnnotations) and `controller_utils.go` (the sorters).
 */
import { POD_TEMPLATE_HASH_LABEL } from '../../pod-template-hash.js';
import { sameJson } from '../../store.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../types.js';
import { byCreation } from '../replicaset/pod-util.js';

/** deployment.kubernetes.io annotations. */
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** `maxRevHistoryLengthInChars` in sync.go: about 100 revisions. */
export const MAX_REV_HISTORY_CHARS = 2000;

const SKIPPED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO]);

/** spec.replicas of an RS (default 1). */
export function sizeOf(rs: ReplicaSet | undefined): number {
  return rs ? (rs.spec.replicas ?? 1) : 0;
}

/** The revision annotation as a number; 0 when absent, NaN when not a number. */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** `MaxRevision`: the highest parseable revision (unparseable ones are skipped). */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** The template without the pod-template-hash label (and without labels, annotations or metadata left empty); shares everything it does not change. */
function withoutHash(t: PodTemplateSpec): unknown {
  const copy = { ...t };
  const meta = { ...(t.metadata ?? {}) };
  if (meta.labels) {
    const labels = { ...meta.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0) delete meta.labels;
    else meta.labels = labels;
  }
  if (meta.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
  if (Object.keys(meta).length === 0) delete copy.metadata;
  else copy.metadata = meta;
  return copy;
}

/** `EqualIgnoreHash`: templates equal once the pod-template-hash label is dropped from both. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

/** `FindNewReplicaSet`: the oldest RS whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** `FindOldReplicaSets` (all old): every RS except the new one, in the given order. */
export function findOldReplicaSets(rss: readonly ReplicaSet[], newRS: ReplicaSet | undefined): ReplicaSet[] {
  return rss.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

/** `FilterActiveReplicaSets`: spec.replicas > 0. */
export function activeReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && sizeOf(rs) > 0);
}

/** Σ spec.replicas. */
export function specReplicas(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + sizeOf(rs), 0);
}

/** Σ status.replicas / readyReplicas / availableReplicas. */
export function statusSum(rss: readonly (ReplicaSet | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + ((rs?.status?.[field] as number | undefined) ?? 0), 0);
}

/** `ReplicaSetsBySizeNewer` (larger first, ties newer first) or `BySizeOlder` (ties older first). */
export function bySize(newerFirst: boolean): (a: ReplicaSet, b: ReplicaSet) => number {
  return (a, b) => {
    const d = sizeOf(b) - sizeOf(a);
    if (d !== 0) return d;
    return newerFirst ? byCreation(b, a) : byCreation(a, b);
  };
}

/** `FindActiveOrLatest`: the only active RS, the newest if none is active, undefined if several are. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** `IsSaturated`: the new RS has all desired replicas, believes so (annotation), and all are available. */
export function isSaturated(replicas: number, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
  if (desired === undefined || !/^-?\d+$/.test(desired)) return false;
  return sizeOf(rs) === replicas && Number(desired) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** `SetReplicasAnnotations`: desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS] !== String(desired)) {
    ann[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS] !== String(max)) {
    ann[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

/**
 * `SetNewReplicaSetAnnotations`: copy the Deployment's annotations (except last-applied and the
 * deployment.kubernetes.io ones), raise the revision to `newRevision` if lower, and when an RS
 * that already had a revision is raised (an undo or roll-forward to an old template), append the
 * old number to revision-history ("1", then "1,3"...), dropping the oldest past 2000 characters.
 * New RSs also get desired/max-replicas. Returns true if anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  const had = Object.prototype.hasOwnProperty.call(ann, REVISION);
  const oldRevision = ann[REVISION] ?? '';
  let oldInt = 0;
  if (oldRevision !== '') {
    if (!/^\d+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  if (oldInt < newRevision) {
    ann[REVISION] = String(newRevision);
    changed = true;
    if (had) {
      const history = ann[REVISION_HISTORY] ?? '';
      if (history === '') ann[REVISION_HISTORY] = oldRevision;
      else {
        let parts = history.split(',');
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < parts.length) total -= parts[start++].length + 1;
        if (total <= MAX_REV_HISTORY_CHARS) {
          parts = [...parts.slice(start), oldRevision];
          ann[REVISION_HISTORY] = parts.join(',');
        }
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, desired, max)) changed = true;
  return changed;
}
