/**
 * The deployment controller's decisions per sync, after kubernetes
 * `pkg/controller/deployment/rolling.go` (rolloutRolling, reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate),
 * `recreate.go` (rolloutRecreate, oldPodsRunning) and `sync.go` (sync, scale, isScalingEvent,
 * syncStatusOnly). Each function does at most one step and leaves the rest to the next sync.
 */
import type { Pod, ReplicaSet } from '../../types.js';
import { byCreation, isControlledBy } from '../replicaset/pod-util.js';
import { maxScaledDown, proportion, replicaSetFraction, rollingNewReplicas, rollingScaleDownBudget } from './rollout-math.js';
import * as R from './replica-sets.js';
import { maxSurgeOf, maxUnavailableOf } from './spec.js';
import { deploymentComplete } from './status.js';
import type { DeploymentSync } from './sync.js';

/** `syncStatusOnly`: a Deployment being deleted only reports status. */
export function syncStatusOnly(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.allReplicaSets(false);
  s.syncStatus(newRS ? [...oldRSs, newRS] : oldRSs, newRS);
}

/** `isScalingEvent`: an active RS whose desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = s.allReplicaSets(false);
  return R.activeReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = rs.metadata.annotations?.[R.DESIRED_REPLICAS];
    return desired !== undefined && /^-?\d+$/.test(desired) && Number(desired) !== s.v.replicas;
  });
}

/** `sync`: scaling (paused or a replicas change) without rolling out; history cleanup only when paused. */
export function syncScaling(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.allReplicaSets(false);
  scale(s, newRS, oldRSs);
  if (s.v.paused) s.cleanup(oldRSs);
  s.syncStatus(newRS ? [...oldRSs, newRS] : oldRSs, newRS);
}

/**
 * `scale`: one active RS takes the whole count; a saturated new RS zeroes the old ones; otherwise
 * (RollingUpdate) the difference to replicas + maxSurge is spread proportionally over the active
 * RSs, larger first, the leftover going to the first one.
 */
function scale(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const replicas = s.v.replicas;
  const only = R.findActiveOrLatest(newRS, oldRSs);
  if (only) {
    if (R.sizeOf(only) !== replicas) s.scaleAndRecord(only, replicas);
    return;
  }
  if (R.isSaturated(replicas, newRS)) {
    for (const old of R.activeReplicaSets(oldRSs)) s.scaleAndRecord(old, 0);
    return;
  }
  if (s.v.strategy !== 'RollingUpdate') return;
  const active = R.activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurgeOf(s.v) : 0;
  const toAdd = allowed - R.specReplicas(active);
  let operation = '';
  if (toAdd > 0) {
    active.sort(R.bySize(true));
    operation = 'up';
  } else if (toAdd < 0) {
    active.sort(R.bySize(false));
    operation = 'down';
  }
  const statusReplicas = s.d.status?.replicas ?? 0;
  const target = new Map<string, number>();
  let added = 0;
  for (const rs of active) {
    const size = R.sizeOf(rs);
    if (toAdd === 0) {
      target.set(rs.metadata.uid!, size);
      continue;
    }
    const ann = rs.metadata.annotations?.[R.MAX_REPLICAS];
    const before = ann !== undefined && /^\d+$/.test(ann) ? Number(ann) : undefined;
    const p = proportion(size, replicaSetFraction(size, replicas, maxSurgeOf(s.v), before, statusReplicas), toAdd, added);
    target.set(rs.metadata.uid!, size + p);
    added += p;
  }
  active.forEach((rs, i) => {
    let n = target.get(rs.metadata.uid!)!;
    if (i === 0 && toAdd !== 0) n = Math.max(0, n + toAdd - added);
    s.scaleReplicaSet(rs, n, operation);
  });
}

/** `rolloutRolling`: create/find the new RS, scale it up, else scale old ones down, else clean up. */
export function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = s.allReplicaSets(true);
  if (!newRS) return;
  const all = () => [...oldRSs.map((r) => s.fresh(r)), s.fresh(newRS)];
  if (reconcileNewReplicaSet(s, all(), s.fresh(newRS))) return s.syncRolloutStatus(all(), newRS);
  if (reconcileOldReplicaSets(s, all(), R.activeReplicaSets(oldRSs.map((r) => s.fresh(r))), s.fresh(newRS))) {
    return s.syncRolloutStatus(all(), newRS);
  }
  if (deploymentComplete(s.d, s.v, s.d.status ?? {})) s.cleanup(oldRSs);
  s.syncRolloutStatus(all(), newRS);
}

/** `reconcileNewReplicaSet`: shrink an oversized new RS to replicas, else grow it by `NewRSNewReplicas`. */
function reconcileNewReplicaSet(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  const replicas = s.v.replicas;
  const size = R.sizeOf(newRS);
  if (size === replicas) return false;
  if (size > replicas) return s.scaleAndRecord(newRS, replicas);
  return s.scaleAndRecord(newRS, rollingNewReplicas(replicas, maxSurgeOf(s.v), R.specReplicas(allRSs), size));
}

/**
 * `reconcileOldReplicaSets`: within maxScaledDown, first remove old RSs' unhealthy replicas
 * (oldest RS first), then scale old RSs down by the available pods beyond minAvailable.
 */
function reconcileOldReplicaSets(s: DeploymentSync, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  if (R.specReplicas(oldRSs) === 0) return false;
  const maxUnavailable = maxUnavailableOf(s.v);
  const budget = maxScaledDown(R.specReplicas(allRSs), s.v.replicas, maxUnavailable, R.sizeOf(newRS), newRS.status?.availableReplicas ?? 0);
  if (budget <= 0) return false;
  const olds = [...oldRSs].sort(byCreation);
  let cleaned = 0;
  for (const rs of olds) {
    if (cleaned >= budget) break;
    const cur = s.fresh(rs);
    const size = R.sizeOf(cur);
    const available = cur.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const down = Math.min(budget - cleaned, size - available);
    s.scaleAndRecord(cur, size - down);
    cleaned += down;
  }
  const freshAll = [...olds.map((r) => s.fresh(r)), s.fresh(newRS)];
  const total = rollingScaleDownBudget(R.statusSum(freshAll, 'availableReplicas'), s.v.replicas, maxUnavailable);
  let scaledDown = 0;
  for (const rs of olds) {
    if (scaledDown >= total) break;
    const cur = s.fresh(rs);
    const size = R.sizeOf(cur);
    if (size === 0) continue;
    const down = Math.min(size, total - scaledDown);
    s.scaleAndRecord(cur, size - down);
    scaledDown += down;
  }
  return cleaned + scaledDown > 0;
}

/**
 * `rolloutRecreate`: scale every old RS to 0; wait until no old pod is left (terminating ones
 * count); then create the new RS at full size.
 */
export function rolloutRecreate(s: DeploymentSync, pods: readonly Pod[]): void {
  let { newRS, oldRSs } = s.allReplicaSets(false);
  const all = () => [...oldRSs.map((r) => s.fresh(r)), ...(newRS ? [s.fresh(newRS)] : [])];
  let scaledDown = false;
  for (const rs of R.activeReplicaSets(oldRSs.map((r) => s.fresh(r)))) {
    if (s.scaleAndRecord(rs, 0)) scaledDown = true;
  }
  if (scaledDown) return s.syncRolloutStatus(all(), newRS);
  if (oldPodsRunning(newRS, all(), pods)) return s.syncRolloutStatus(all(), newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = s.allReplicaSets(true));
    if (!newRS) return;
  }
  s.scaleAndRecord(s.fresh(newRS), s.v.replicas);
  if (deploymentComplete(s.d, s.v, s.d.status ?? {})) s.cleanup(oldRSs);
  s.syncRolloutStatus(all(), newRS);
}

/** `oldPodsRunning`: old RSs report pods, or a pod of an old RS is not yet Succeeded/Failed. */
function oldPodsRunning(newRS: ReplicaSet | undefined, allRSs: ReplicaSet[], pods: readonly Pod[]): boolean {
  const oldRSs = allRSs.filter((r) => r.metadata.uid !== newRS?.metadata.uid);
  if (R.statusSum(oldRSs, 'replicas') > 0) return true;
  return pods.some((p) => {
    if (!oldRSs.some((rs) => isControlledBy(p, rs.metadata.uid))) return false;
    const phase = p.status?.phase;
    return phase !== 'Failed' && phase !== 'Succeeded';
  });
}
