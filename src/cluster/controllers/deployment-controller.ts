/**
 * The Deployment controller (kubernetes `pkg/controller/deployment/deployment_controller.go`
 * `syncDeployment`). Level-triggered: each pass looks at every Deployment and decides in the
 * fixed order deleted → paused → scaling → rollout (rollback is client-side in apps/v1:
 * `kubectl rollout undo` rewrites spec.template and this controller rolls out as for any
 * template change). The steps live in `deployment/`: the arithmetic in rollout-math.ts, the
 * ReplicaSet helpers in replica-sets.ts, the status in status.ts, the writes in sync.ts and the
 * strategies in strategies.ts.
 *
 * Differences from upstream, timing only: no informer caches or expectations (reads are always
 * current), and the progress-deadline resync is a virtual-clock timer.
 */
import { sameJson } from '../store.js';
import type { Deployment, Pod, ReplicaSet } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { isScalingEvent, rolloutRecreate, rolloutRolling, syncScaling, syncStatusOnly } from './deployment/strategies.js';
import { DeploymentSync } from './deployment/sync.js';
import { claimObjects } from './replicaset/claim.js';
import { Requeue } from './replicaset/requeue.js';

const COMPONENT = 'deployment-controller';

/** Creates the Deployment controller. */
export function createDeploymentController(ctx: ControllerContext): Controller {
  const controller: Controller = {
    name: COMPONENT,
    sync: () => {
      const before = ctx.store.resourceVersion();
      for (const d of [...ctx.store.view<Deployment>('Deployment')]) {
        syncDeployment(ctx, requeue, d.metadata.namespace!, d.metadata.name!);
      }
      return ctx.store.resourceVersion() !== before;
    },
  };
  const requeue = new Requeue(ctx.clock, COMPONENT, () => controller.sync());
  return controller;
}

/** `syncDeployment` for one Deployment. */
function syncDeployment(ctx: ControllerContext, requeue: Requeue, ns: string, name: string): void {
  const d = ctx.store.find<Deployment>('Deployment', ns, name);
  if (!d) return;
  const selector = d.spec?.selector ?? {};
  if (sameJson(selector, {}) || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) {
    selectingAll(ctx, d);
    return;
  }
  const rsList = claimObjects<ReplicaSet>(ctx, d, selector, ctx.store.view<ReplicaSet>('ReplicaSet', ns));
  const s = new DeploymentSync(ctx, d, rsList);
  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(s);
    return;
  }
  s.checkPausedConditions();
  if (s.v.paused || isScalingEvent(s)) {
    syncScaling(s);
  } else if (s.v.strategy === 'Recreate') {
    rolloutRecreate(s, ctx.store.view<Pod>('Pod', ns));
  } else {
    rolloutRolling(s);
  }
  if (s.recheckAt !== undefined) requeue.at(`${ns}/${name}`, s.recheckAt);
}

/**
 * An empty selector selects every pod: upstream records a Warning `SelectingAll` and only
 * bumps observedGeneration. Recorded once per generation here, so a settle loop stays quiet.
 */
function selectingAll(ctx: ControllerContext, d: Deployment): void {
  const generation = d.metadata.generation ?? 0;
  if ((d.status?.observedGeneration ?? 0) >= generation) return;
  ctx.events.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', COMPONENT);
  d.status = { ...(d.status ?? {}), observedGeneration: generation };
  ctx.store.update(d);
}
