/**
 * One Deployment's sync: the working state and the writes, after kubernetes
 * `pkg/controller/deployment/sync.go` (getAllReplicaSetsAndSyncRevision, getNewReplicaSet,
 * scaleReplicaSet, cleanupDeployment, syncDeploymentStatus, checkPausedConditions) and
 * `progress.go` (syncRolloutStatus). Writes to ReplicaSets go through the API server; the
 * Deployment's revision annotation and status are written like the status subresource (to the
 * store, so admission never resets them). Within a sync, the ReplicaSet list is kept current
 * with every write, so a second look in the same sync sees the first one's effect.
 */
import { ApiError } from '../../errors.js';
import { POD_TEMPLATE_HASH_LABEL, computePodTemplateHash } from '../../pod-template-hash.js';
import { deepCopy, sameJson } from '../../store.js';
import type { Deployment, ReplicaSet } from '../../types.js';
import type { ControllerContext } from '../controller.js';
import { isControlledBy, newControllerRef } from '../replicaset/pod-util.js';
import { rollingNewReplicas } from './rollout-math.js';
import * as R from './replica-sets.js';
import { type DeploymentSpecView, maxSurgeOf, specView } from './spec.js';
import { type DeploymentStatus, Reason, calculateStatus, getCondition, newCondition, rolloutStatus, setCondition, stuckRecheckAt } from './status.js';

const COMPONENT = 'deployment-controller';

/** The state of one Deployment while it is being synced. */
export class DeploymentSync {
  readonly v: DeploymentSpecView;
  /** Set when the Deployment should be looked at again at this epoch ms (progress deadline). */
  recheckAt: number | undefined;

  constructor(
    readonly ctx: ControllerContext,
    readonly d: Deployment,
    public rsList: ReplicaSet[],
  ) {
    this.v = specView(d);
  }

  /** The virtual now, epoch ms. */
  now(): number {
    return this.ctx.clock.now();
  }

  /** replicas + maxSurge, the max-replicas annotation value. */
  maxReplicas(): number {
    return this.v.replicas + maxSurgeOf(this.v);
  }

  /** `getAllReplicaSetsAndSyncRevision`: the new RS (created if asked and missing) and all old ones. */
  allReplicaSets(createIfMissing: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const existing = R.findNewReplicaSet(this.d, this.rsList);
    const oldRSs = R.findOldReplicaSets(this.rsList, existing);
    const newRS = this.newReplicaSet(existing, oldRSs, createIfMissing);
    return { newRS, oldRSs: R.findOldReplicaSets(this.rsList, newRS) };
  }

  private newReplicaSet(existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const newRevision = R.maxRevision(oldRSs) + 1;
    if (existing) {
      const copy = deepCopy(existing);
      const changed = R.setNewReplicaSetAnnotations(this.d, copy, newRevision, true, this.v.replicas, this.maxReplicas());
      if (changed || (copy.spec.minReadySeconds ?? 0) !== this.v.minReadySeconds) {
        if (this.v.minReadySeconds) copy.spec.minReadySeconds = this.v.minReadySeconds;
        else delete copy.spec.minReadySeconds;
        return this.updateReplicaSet(copy);
      }
      let dirty = this.setRevision(copy.metadata.annotations?.[R.REVISION] ?? '');
      if (this.v.progressDeadlineSeconds !== undefined && !getCondition(this.d.status, 'Progressing')) {
        setCondition(this.status(), newCondition('Progressing', 'True', Reason.foundNewRS, `Found new replica set "${copy.metadata.name}"`, this.now()));
        dirty = true;
      }
      if (dirty) this.writeDeployment();
      return copy;
    }
    if (!create) return undefined;
    return this.createReplicaSet(oldRSs, newRevision);
  }

  private createReplicaSet(oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
    const d = this.d;
    const template = deepCopy(d.spec.template);
    const hash = computePodTemplateHash(d.spec.template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const selector = deepCopy(d.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels! },
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: 0, selector, template },
    };
    if (this.v.minReadySeconds) rs.spec.minReadySeconds = this.v.minReadySeconds;
    const count = this.v.strategy === 'Recreate' ? this.v.replicas : rollingNewReplicas(this.v.replicas, maxSurgeOf(this.v), R.specReplicas(oldRSs), 0);
    rs.spec.replicas = count;
    R.setNewReplicaSetAnnotations(d, rs, newRevision, false, this.v.replicas, this.maxReplicas());
    let created: ReplicaSet;
    let alreadyExisted = false;
    try {
      created = this.ctx.api.create<ReplicaSet>(rs).object;
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) throw e;
      const clash = this.ctx.store.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, rs.metadata.name!);
      if (isControlledBy(clash, d.metadata.uid) && R.equalIgnoreHash(d.spec.template, clash.spec.template)) {
        created = clash;
        alreadyExisted = true;
      } else {
        // A hash collision: bump collisionCount; the next sync computes another name.
        this.status().collisionCount = (d.status?.collisionCount ?? 0) + 1;
        this.writeDeployment();
        return undefined;
      }
    }
    this.rsList = [...this.rsList.filter((r) => r.metadata.uid !== created.metadata.uid), created];
    if (!alreadyExisted && count > 0) {
      this.event(`Scaled up replica set ${created.metadata.name} from 0 to ${count}`);
    }
    let dirty = this.setRevision(String(newRevision));
    if (!alreadyExisted && this.v.progressDeadlineSeconds !== undefined) {
      setCondition(this.status(), newCondition('Progressing', 'True', Reason.newReplicaSet, `Created new replica set "${created.metadata.name}"`, this.now()));
      dirty = true;
    }
    if (dirty) this.writeDeployment();
    return created;
  }

  /** `scaleReplicaSetAndRecordEvent`: nothing if already at `newScale`. Returns whether it scaled. */
  scaleAndRecord(rs: ReplicaSet, newScale: number): boolean {
    if (R.sizeOf(rs) === newScale) return false;
    return this.scaleReplicaSet(rs, newScale, R.sizeOf(rs) < newScale ? 'up' : 'down');
  }

  /**
   * `scaleReplicaSet`: sets spec.replicas and the desired/max-replicas annotations; the event
   * `Scaled up replica set x from 0 to 4` (v1.32 wording, "from X to Y") when the size changed.
   */
  scaleReplicaSet(rs: ReplicaSet, newScale: number, operation: string): boolean {
    const current = this.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;
    const copy = deepCopy(current);
    const oldScale = R.sizeOf(copy);
    copy.spec.replicas = newScale;
    const annotationsChanged = R.setReplicasAnnotations(copy, this.v.replicas, this.maxReplicas());
    if (oldScale === newScale && !annotationsChanged) return false;
    if (!this.updateReplicaSet(copy)) return false;
    if (oldScale === newScale) return false;
    this.event(`Scaled ${operation} replica set ${copy.metadata.name} from ${oldScale} to ${newScale}`);
    return true;
  }

  /** Writes an RS through the API server and keeps the list current; undefined if it failed. */
  updateReplicaSet(rs: ReplicaSet): ReplicaSet | undefined {
    try {
      const updated = this.ctx.api.update<ReplicaSet>(rs).object;
      this.rsList = this.rsList.map((r) => (r.metadata.uid === updated.metadata.uid ? updated : r));
      return updated;
    } catch (e) {
      if (e instanceof ApiError) return undefined;
      throw e;
    }
  }

  /** The current copy of an RS in this sync's list. */
  fresh(rs: ReplicaSet): ReplicaSet {
    return this.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;
  }

  /**
   * `cleanupDeployment`: keep at most revisionHistoryLimit old RSs; delete the oldest (by
   * revision) that have no replicas, no pods, and whose generation was observed.
   */
  cleanup(oldRSs: ReplicaSet[]): void {
    const limit = this.v.revisionHistoryLimit;
    if (limit === undefined) return;
    const alive = oldRSs.map((r) => this.fresh(r)).filter((r) => !r.metadata.deletionTimestamp);
    const diff = alive.length - limit;
    if (diff <= 0) return;
    alive.sort((a, b) => R.revisionOf(a) - R.revisionOf(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
    for (const rs of alive.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || R.sizeOf(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name!, { propagationPolicy: 'Background' });
        this.rsList = this.rsList.filter((r) => r.metadata.uid !== rs.metadata.uid);
      } catch (e) {
        if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
      }
    }
  }

  /** `syncDeploymentStatus`: counts and Available only (scaling, paused, deleted). */
  syncStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    const fresh = allRSs.map((r) => this.fresh(r));
    this.d.status = calculateStatus(this.d, this.v, fresh, newRS && this.fresh(newRS), this.now());
    this.writeDeployment();
  }

  /** `syncRolloutStatus`: counts, Available and Progressing; remembers when to check the deadline. */
  syncRolloutStatus(allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    const fresh = allRSs.map((r) => this.fresh(r));
    const next: DeploymentStatus = rolloutStatus(this.d, this.v, fresh, newRS && this.fresh(newRS), this.now());
    if (sameJson(this.d.status, next)) {
      this.recheckAt = stuckRecheckAt(this.d, this.v, next);
      return;
    }
    this.d.status = next;
    this.writeDeployment();
  }

  /** `checkPausedConditions`: Progressing Unknown `DeploymentPaused` / `DeploymentResumed`. */
  checkPausedConditions(): void {
    if (this.v.progressDeadlineSeconds === undefined) return;
    const cond = getCondition(this.d.status, 'Progressing');
    if (cond?.reason === Reason.timedOut) return;
    const pausedCond = cond?.reason === Reason.paused;
    if (this.v.paused && !pausedCond) {
      setCondition(this.status(), newCondition('Progressing', 'Unknown', Reason.paused, 'Deployment is paused', this.now()));
    } else if (!this.v.paused && pausedCond) {
      setCondition(this.status(), newCondition('Progressing', 'Unknown', Reason.resumed, 'Deployment is resumed', this.now()));
    } else return;
    this.writeDeployment();
  }

  /** An event on the Deployment from deployment-controller. */
  event(message: string, reason = 'ScalingReplicaSet', type: 'Normal' | 'Warning' = 'Normal'): void {
    this.ctx.events.record(this.d, type, reason, message, COMPONENT);
  }

  private status(): DeploymentStatus {
    return (this.d.status ??= {});
  }

  private setRevision(revision: string): boolean {
    const ann = (this.d.metadata.annotations ??= {});
    if (ann[R.REVISION] === revision) return false;
    ann[R.REVISION] = revision;
    return true;
  }

  /** Writes the revision annotation and status onto the stored Deployment, if they differ. */
  writeDeployment(): void {
    const stored = this.ctx.store.find<Deployment>('Deployment', this.d.metadata.namespace, this.d.metadata.name!);
    if (!stored || stored.metadata.uid !== this.d.metadata.uid) return;
    const revision = this.d.metadata.annotations?.[R.REVISION];
    if (revision !== undefined) stored.metadata.annotations = { ...(stored.metadata.annotations ?? {}), [R.REVISION]: revision };
    stored.status = this.d.status;
    this.ctx.store.update(stored);
  }
}
