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
import { specView } from './deployment/spec.js';
import { getCondition } from './deployment/status.js';
import { parseTimestamp } from '../clock.js';

const COMPONENT = 'deployment-controller';

/** Creates the Deployment controller. */
export function createDeploymentController(ctx: ControllerContext): Controller {
  /** Deployments whose inputs changed since their last sync. */
  const dirty = new Set<string>();
  /** Per Deployment, the progress-deadline wake-up its last sync asked for (every sync asks again). */
  const recheck = new Map<string, number>();
  let primed = false;
  // What a sync reads: its Deployment, the ReplicaSets of its namespace and, for Recreate, the pods.
  ctx.store.watch((e) => {
    if (!primed) return;
    const kind = e.object.kind;
    if (kind === 'Deployment') dirty.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    else if (kind === 'ReplicaSet' || kind === 'Pod') {
      for (const d of ctx.store.view<Deployment>('Deployment', e.object.metadata.namespace)) {
        if (kind === 'Pod' && d.spec?.strategy?.type !== 'Recreate') continue;
        dirty.add(`${d.metadata.namespace}/${d.metadata.name}`);
      }
    }
  }, { readOnly: true });

  const controller: Controller = {
    name: COMPONENT,
    sync: () => {
      const before = ctx.store.resourceVersion();
      const now = ctx.clock.now();
      const first = !primed;
      primed = true;
      // The full scan, with the sync of a Deployment whose inputs did not change reduced to what it
      // would do: nothing, except asking again for its wake-up (and, past the deadline, a real sync).
      for (const d of [...ctx.store.view<Deployment>('Deployment')]) {
        const key = `${d.metadata.namespace}/${d.metadata.name}`;
        if (!first && !dirty.has(key) && !pastDeadline(ctx, key, now)) {
          const at = recheck.get(key);
          if (at !== undefined) requeue.at(key, at);
          continue;
        }
        dirty.delete(key);
        recheck.delete(key);
        const rv = ctx.store.resourceVersion();
        const at = syncDeployment(ctx, requeue, d.metadata.namespace!, d.metadata.name!);
        if (at !== undefined) recheck.set(key, at);
        // A sync that wrote anything is looked at again next pass.
        if (ctx.store.resourceVersion() !== rv) dirty.add(key);
      }
      for (const key of dirty) if (!peekDeployment(ctx, key)) dirty.delete(key);
      return ctx.store.resourceVersion() !== before;
    },
  };
  const requeue = new Requeue(ctx.clock, COMPONENT, () => controller.sync());
  return controller;
}

function peekDeployment(ctx: ControllerContext, key: string): Deployment | undefined {
  const slash = key.indexOf('/');
  return ctx.store.peek<Deployment>('Deployment', key.slice(0, slash), key.slice(slash + 1));
}

/** True if the Deployment's Progressing condition is past its deadline (`DeploymentTimedOut` would hold). */
function pastDeadline(ctx: ControllerContext, key: string, now: number): boolean {
  const d = peekDeployment(ctx, key);
  if (!d) return false;
  const deadline = specView(d).progressDeadlineSeconds;
  const c = getCondition(d.status, 'Progressing');
  if (deadline === undefined || !c?.lastUpdateTime) return false;
  if (c.reason === 'NewReplicaSetAvailable' || c.reason === 'ProgressDeadlineExceeded') return false;
  return parseTimestamp(c.lastUpdateTime) + deadline * 1000 < now;
}

/** `syncDeployment` for one Deployment; returns the wake-up it asked for, if any. */
function syncDeployment(ctx: ControllerContext, requeue: Requeue, ns: string, name: string): number | undefined {
  const d = ctx.store.find<Deployment>('Deployment', ns, name);
  if (!d) return undefined;
  const selector = d.spec?.selector ?? {};
  if (sameJson(selector, {}) || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) {
    selectingAll(ctx, d);
    return undefined;
  }
  const rsList = claimObjects<ReplicaSet>(ctx, d, selector, ctx.store.view<ReplicaSet>('ReplicaSet', ns));
  const s = new DeploymentSync(ctx, d, rsList);
  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(s);
    return undefined;
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
  return s.recheckAt;
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
