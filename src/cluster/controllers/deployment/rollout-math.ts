/**
 * Rollout arithmetic as small pure functions, after kubernetes
 * `pkg/controller/deployment/util/deployment_util.go` (ResolveFenceposts, MaxSurge,
 * MaxUnavailable, NewRSNewReplicas, GetProportion, getReplicaSetFraction) and apimachinery
 * `pkg/util/intstr` (GetScaledValueFromIntOrPercent). Numbers only: no objects, no I/O.
 */
import type { IntOrString } from '../../types.js';

/**
 * `intstr.GetScaledValueFromIntOrPercent`: an int is itself; `"25%"` of `total` rounds up or
 * down. 25% of 4 → 1 either way; 25% of 10 → 3 up, 2 down; 25% of 1 → 1 up, 0 down.
 * A string that is not a percentage is an error upstream (validation rejects it); here it is 0.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The resolved `maxSurge` and `maxUnavailable` of a rolling update. */
export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * `ResolveFenceposts`: surge rounds up, unavailable rounds down, and if both come out 0 the
 * unavailable budget becomes 1 (so the rollout can move even when surge is blocked by quota).
 * 4 replicas 25%/25% → surge 1, unavailable 1; 1 replica → 1 and 0; 10 replicas → 3 and 2;
 * 2 replicas with maxSurge 0 and 25% → 0 and 0 → unavailable 1.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): Fenceposts {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/**
 * `NewRSNewReplicas` for RollingUpdate: how big the new ReplicaSet may be this sync.
 * maxTotal = replicas + maxSurge; if every RS together already has maxTotal, no change; else
 * grow by min(maxTotal − current, replicas − newRS). Stable update, 4 replicas, surge 1:
 * old 4 + new 0 → new 1 (5 − 4 = 1); old 3 + new 1 → new 2; old 4 + new 1 → stays 1.
 * A brand-new Deployment of 4 (no old RS): min(5 − 0, 4 − 0) = 4.
 */
export function rollingNewReplicas(replicas: number, maxSurge: number, allReplicas: number, newReplicas: number): number {
  const maxTotal = replicas + maxSurge;
  if (allReplicas >= maxTotal) return newReplicas;
  const scaleUp = Math.min(maxTotal - allReplicas, replicas - newReplicas);
  return newReplicas + scaleUp;
}

/**
 * How many old pods a rolling update may remove this sync (`reconcileOldReplicaSets`):
 * allPods − minAvailable − (newRS unavailable). 5 pods, 4 replicas, maxUnavailable 1, new RS
 * 1 replica 0 available → 5 − 3 − 1 = 1. With the new RS at 2 and none available → 0 (wait).
 */
export function maxScaledDown(allPods: number, replicas: number, maxUnavailable: number, newReplicas: number, newAvailable: number): number {
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = newReplicas - newAvailable;
  return allPods - minAvailable - newUnavailable;
}

/**
 * `scaleDownOldReplicaSetsForRollingUpdate`'s budget: available pods beyond minAvailable.
 * 4 available, 4 replicas, maxUnavailable 1 → 1; 3 available → 0.
 */
export function rollingScaleDownBudget(availablePods: number, replicas: number, maxUnavailable: number): number {
  return Math.max(0, availablePods - (replicas - maxUnavailable));
}

/** k8s.io/utils/integer `RoundToInt32`: half away from zero (2.5 → 3, −2.5 → −3). */
export function roundToInt(x: number): number {
  return x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5);
}

/**
 * `getReplicaSetFraction`: the change an RS should get when the Deployment is resized from
 * `maxBefore` (the RS's max-replicas annotation, else status.replicas) to `replicas + maxSurge`.
 * Scaling to 0 → −size. Mid-rollout of 10 (surge 3, so max 13), old RS 8 and new RS 5, scaled
 * to 15 (surge 4, max 19): old round(8·19/13) − 8 = round(11.69) − 8 = +4, new round(5·19/13)
 * − 5 = round(7.31) − 5 = +2. No annotation and status.replicas 0 → 0.
 */
export function replicaSetFraction(size: number, replicas: number, maxSurge: number, maxBefore: number | undefined, statusReplicas: number): number {
  if (replicas === 0) return -size;
  const maxAfter = replicas + maxSurge;
  let base = maxBefore;
  if (base === undefined || base === 0) {
    base = statusReplicas;
    if (base === 0) return 0;
  }
  return roundToInt((size * maxAfter) / base) - size;
}

/**
 * `GetProportion`: the fraction, clamped so the running total never passes `toAdd`.
 * Scaling up: min(fraction, toAdd − added); down: max(fraction, toAdd − added).
 * Size 0, toAdd 0, or nothing left to add → 0.
 */
export function proportion(size: number, fraction: number, toAdd: number, added: number): number {
  if (size === 0 || toAdd === 0 || toAdd === added) return 0;
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
