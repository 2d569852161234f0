/**
 * A Deployment's spec with the apps/v1 defaults applied (`pkg/apis/apps/v1/defaults.go`
 * SetDefaults_Deployment), so the controller works even on objects stored without defaulting,
 * and the strategy helpers of `deployment_util.go` (MaxSurge, MaxUnavailable, IsRollingUpdate,
 * HasProgressDeadline, HasRevisionHistoryLimit) that read it.
 */
import type { Deployment, IntOrString } from '../../types.js';
import { resolveFenceposts } from './rollout-math.js';

/** The defaulted fields the controller reads. */
export interface DeploymentSpecView {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurgeRaw: IntOrString;
  maxUnavailableRaw: IntOrString;
  minReadySeconds: number;
  /** undefined means no limit (upstream: nil). */
  revisionHistoryLimit: number | undefined;
  /** undefined means no deadline (nil or MaxInt32). */
  progressDeadlineSeconds: number | undefined;
  paused: boolean;
}

const MAX_INT32 = 2147483647;

/** Reads a Deployment's spec with defaults: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600. */
export function specView(d: Deployment): DeploymentSpecView {
  const s = d.spec ?? ({} as Deployment['spec']);
  const strategy = s.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const deadline = s.progressDeadlineSeconds ?? 600;
  return {
    replicas: s.replicas ?? 1,
    strategy,
    maxSurgeRaw: s.strategy?.rollingUpdate?.maxSurge ?? '25%',
    maxUnavailableRaw: s.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
    minReadySeconds: s.minReadySeconds ?? 0,
    revisionHistoryLimit: s.revisionHistoryLimit === undefined ? 10 : (s.revisionHistoryLimit ?? undefined),
    progressDeadlineSeconds: deadline === MAX_INT32 ? undefined : deadline,
    paused: s.paused === true,
  };
}

/** `MaxSurge`: 0 unless RollingUpdate; 4 replicas at 25% → 1. */
export function maxSurgeOf(v: DeploymentSpecView): number {
  if (v.strategy !== 'RollingUpdate') return 0;
  return resolveFenceposts(v.maxSurgeRaw, v.maxUnavailableRaw, v.replicas).maxSurge;
}

/** `MaxUnavailable`: 0 unless RollingUpdate, never more than replicas; 4 replicas at 25% → 1. */
export function maxUnavailableOf(v: DeploymentSpecView): number {
  if (v.strategy !== 'RollingUpdate' || v.replicas === 0) return 0;
  const { maxUnavailable } = resolveFenceposts(v.maxSurgeRaw, v.maxUnavailableRaw, v.replicas);
  return Math.min(maxUnavailable, v.replicas);
}
