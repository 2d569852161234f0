/**
 * The garbage collector (kubernetes `pkg/controller/garbagecollector/garbagecollector.go`
 * `attemptToDeleteItem`, `processDeletingDependentsItem`, `classifyReferences`). Level-triggered
 * over ownerReferences instead of a dependency graph fed by informers:
 *
 * - An object whose owners are all gone (absent, or present with another uid) is deleted
 *   (Background; Foreground if an owner waits on it and it has dependents of its own).
 * - An object with a live owner and some gone ones only loses the references to the gone ones.
 * - An owner in foreground deletion (finalizer `foregroundDeletion`) has its blocking dependents
 *   (blockOwnerDeletion=true) deleted; once none is left the finalizer is removed and, with no
 *   finalizer left, the object goes (the API server's part of that step is done here too).
 * - An object being deleted gracefully (a terminating pod) is left alone; it still blocks its
 *   owner's foreground deletion until the kubelet removes it.
 * Owners of kinds kubelab does not model count as present, as an unknown kind does upstream.
 */
import { ApiError } from '../errors.js';
import { FOREGROUND_FINALIZER } from '../deletion.js';
import { findResourceForKind } from '../resources.js';
import { deepCopy } from '../store.js';
import type { KubeObject, OwnerReference } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { GcIndex } from './gc-index.js';

const NAME = 'garbage-collector';

/** Creates the garbage collector. */
export function createGarbageCollector(ctx: ControllerContext): Controller {
  const index = new GcIndex(ctx.store);
  return {
    name: NAME,
    sync: () => {
      const before = ctx.store.resourceVersion();
      index.prime();
      index.freezeDependents();
      try {
        collect(ctx, index);
      } finally {
        index.thawDependents();
      }
      return ctx.store.resourceVersion() !== before;
    },
  };
}

type OwnerState = 'solid' | 'dangling' | 'waiting';

/**
 * One pass, in the order a full scan over every object (kinds in RESOURCE_TYPES order, then
 * by key) would act: foreground owners, then dependents with a gone or waiting owner, then
 * marked objects without finalizers. Only objects that can act are visited (the index keeps
 * them from watch events); any other object's step would change nothing.
 */
function collect(ctx: ControllerContext, index: GcIndex): void {
  const foreground = index.foregroundOwners().map((k) => index.peekKey(k)).filter((o): o is KubeObject => o !== undefined);
  const finalized = index.markedNonPods().map((k) => index.peekKey(k)).filter((o): o is KubeObject => o !== undefined && (o.metadata.finalizers ?? []).length === 0);
  for (const obj of foreground) processDeletingDependents(ctx, obj, index);
  index.visitSuspects((obj) => attemptToDelete(ctx, obj, index));
  // A marked object whose finalizers are all gone is removed (the API server does this on the update that clears them).
  for (const obj of finalized) remove(ctx, obj);
}

function hasForeground(obj: KubeObject): boolean {
  return (obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER);
}

/** Is the owner named by `ref` present (solid), gone (dangling) or deleting its dependents (waiting)? */
function ownerState(ctx: ControllerContext, dependent: KubeObject, ref: OwnerReference): OwnerState {
  const r = findResourceForKind(ref.kind);
  if (!r) return 'solid';
  const owner = ctx.store.peek(ref.kind, r.namespaced ? dependent.metadata.namespace : undefined, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && hasForeground(owner)) return 'waiting';
  return 'solid';
}

/** `attemptToDeleteItem`; false when it found nothing to do. */
function attemptToDelete(ctx: ControllerContext, item: KubeObject, index: GcIndex): boolean {
  const latest = ctx.store.peek(item.kind, item.metadata.namespace, item.metadata.name!);
  if (!latest || latest.metadata.uid !== item.metadata.uid) return false;
  if (latest.metadata.deletionTimestamp) return false;
  const refs = latest.metadata.ownerReferences ?? [];
  const states = refs.map((ref) => ownerState(ctx, latest, ref));
  if (states.every((s) => s === 'solid')) return false;
  if (states.includes('solid')) {
    const keep = refs.filter((_, i) => states[i] === 'solid');
    const copy = deepCopy(latest);
    copy.metadata.ownerReferences = keep;
    tryWrite(() => ctx.api.update(copy));
    return true;
  }
  const policy = states.includes('waiting') && index.hasDependents(latest.metadata.uid!) ? 'Foreground' : 'Background';
  tryWrite(() => ctx.api.delete(latest.kind, latest.metadata.namespace, latest.metadata.name!, { propagationPolicy: policy }));
  return true;
}

/** `processDeletingDependentsItem`: delete blocking dependents, or drop the finalizer when none is left. */
function processDeletingDependents(ctx: ControllerContext, owner: KubeObject, index: GcIndex): void {
  const uid = owner.metadata.uid!;
  const blocking = index.dependentsOf(uid).filter((dep) => {
    const live = ctx.store.peek(dep.kind, dep.metadata.namespace, dep.metadata.name!);
    return live !== undefined && live.metadata.uid === dep.metadata.uid && (live.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true);
  });
  if (blocking.length === 0) {
    const copy = deepCopy(owner);
    copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
    if (copy.metadata.finalizers.length === 0) {
      remove(ctx, owner);
    } else {
      tryWrite(() => ctx.store.update(copy));
    }
    return;
  }
  for (const dep of blocking) {
    if (dep.metadata.deletionTimestamp) continue;
    attemptToDelete(ctx, dep, index);
  }
}

function remove(ctx: ControllerContext, obj: KubeObject): void {
  tryWrite(() => ctx.api.remove(obj.kind, obj.metadata.namespace, obj.metadata.name!));
}

/** Runs a write; NotFound and Conflict mean someone else got there first, and the next pass decides again. */
function tryWrite(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
