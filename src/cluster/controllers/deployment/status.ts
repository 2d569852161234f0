/**
 * Deployment status and conditions, after kubernetes `pkg/controller/deployment/sync.go`
 * (calculateStatus), `progress.go` (syncRolloutStatus's condition choice, requeueStuckDeployment)
 * and `util/deployment_util.go` (NewDeploymentCondition, SetDeploymentCondition,
 * DeploymentComplete, DeploymentProgressing, DeploymentTimedOut). Pure: time comes in as `now`.
 */
import { formatTimestamp, parseTimestamp } from '../../clock.js';
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../types.js';
import { statusSum } from './replica-sets.js';
import type { DeploymentSpecView } from './spec.js';
import { maxUnavailableOf } from './spec.js';

/** The status type. */
export type DeploymentStatus = NonNullable<Deployment['status']>;

/** Condition reasons (deployment_util.go). */
export const Reason = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumAvailable: 'MinimumReplicasAvailable',
  minimumUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** `NewDeploymentCondition`: both times now. */
export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  const t = formatTimestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** `GetDeploymentCondition`. */
export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * `SetDeploymentCondition`: no change if status and reason are the same (message and times
 * stay); keeps lastTransitionTime if only the reason changes; the condition moves to the end.
 */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

/** `RemoveDeploymentCondition`. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

/**
 * `calculateStatus`: counts from the ReplicaSets' status (zeros omitted, as omitempty does) and
 * the Available condition: True `MinimumReplicasAvailable` "Deployment has minimum availability."
 * when available ≥ replicas − maxUnavailable (4 replicas, 25%: 3), else False.
 */
export function calculateStatus(d: Deployment, v: DeploymentSpecView, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const available = statusSum(allRSs, 'availableReplicas');
  const total = allRSs.reduce((n, rs) => n + (rs.spec.replicas ?? 1), 0);
  const counts: [keyof DeploymentStatus, number][] = [
    ['observedGeneration', d.metadata.generation ?? 0],
    ['replicas', statusSum(allRSs, 'replicas')],
    ['updatedReplicas', statusSum(newRS ? [newRS] : [], 'replicas')],
    ['readyReplicas', statusSum(allRSs, 'readyReplicas')],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, total - available)],
  ];
  const status: DeploymentStatus = {};
  for (const [k, n] of counts) if (n) (status as Record<string, number>)[k] = n;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= v.replicas - maxUnavailableOf(v)) {
    setCondition(status, newCondition('Available', 'True', Reason.minimumAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', Reason.minimumUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** `DeploymentComplete`: all replicas updated, no old ones, minimum availability, generation observed. */
export function deploymentComplete(d: Deployment, v: DeploymentSpecView, s: DeploymentStatus): boolean {
  return (
    (s.updatedReplicas ?? 0) === v.replicas &&
    (s.replicas ?? 0) === v.replicas &&
    (s.availableReplicas ?? 0) >= v.replicas - maxUnavailableOf(v) &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** `DeploymentProgressing`: more updated, fewer old, more ready or more available than before. */
export function deploymentProgressing(old: DeploymentStatus | undefined, s: DeploymentStatus): boolean {
  const o = old ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

/** `DeploymentTimedOut`: Progressing's lastUpdateTime + deadline is strictly before now. */
export function deploymentTimedOut(v: DeploymentSpecView, s: DeploymentStatus, now: number): boolean {
  if (v.progressDeadlineSeconds === undefined) return false;
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === Reason.newRSAvailable) return false;
  if (c.reason === Reason.timedOut) return true;
  return parseTimestamp(c.lastUpdateTime!) + v.progressDeadlineSeconds * 1000 < now;
}

/**
 * `syncRolloutStatus`'s status: calculateStatus plus the Progressing condition. Complete →
 * True `NewReplicaSetAvailable` `ReplicaSet "x" has successfully progressed.`; progress →
 * True `ReplicaSetUpdated` `ReplicaSet "x" is progressing.` (lastUpdateTime refreshed);
 * stuck past the deadline → False `ProgressDeadlineExceeded` `ReplicaSet "x" has timed out progressing.`
 */
export function rolloutStatus(d: Deployment, v: DeploymentSpecView, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const s = calculateStatus(d, v, allRSs, newRS, now);
  if (v.progressDeadlineSeconds === undefined) removeCondition(s, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const complete = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && current?.reason === Reason.newRSAvailable;
  if (v.progressDeadlineSeconds !== undefined && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, v, s)) {
      setCondition(s, newCondition('Progressing', 'True', Reason.newRSAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d.status, s)) {
      const cond = newCondition('Progressing', 'True', Reason.replicaSetUpdated, `${subject} is progressing.`, now);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(s, 'Progressing');
      }
      setCondition(s, cond);
    } else if (deploymentTimedOut(v, s, now)) {
      setCondition(s, newCondition('Progressing', 'False', Reason.timedOut, `${subject} has timed out progressing.`, now));
    }
  }
  return s;
}

/**
 * `requeueStuckDeployment`: when to look again for a timeout (epoch ms), or undefined. With the
 * Progressing condition last updated at 09:00:00 and a 600 s deadline: 09:10:01 (deadline + 1 s,
 * so that "before now" holds).
 */
export function stuckRecheckAt(d: Deployment, v: DeploymentSpecView, s: DeploymentStatus): number | undefined {
  const current = getCondition(d.status, 'Progressing');
  if (v.progressDeadlineSeconds === undefined || !current) return undefined;
  if (deploymentComplete(d, v, s) || current.reason === Reason.timedOut) return undefined;
  return parseTimestamp(current.lastUpdateTime!) + v.progressDeadlineSeconds * 1000 + 1000;
}
