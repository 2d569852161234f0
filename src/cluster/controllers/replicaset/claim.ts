/**
 * ControllerRef adoption and release (kubernetes `pkg/controller/controller_ref_manager.go`
 * `BaseControllerRefManager.ClaimObject`): an object controlled by another owner is never
 * touched; an orphan whose labels match the owner's selector is adopted (a controller
 * ownerReference is added); an object we control whose labels no longer match is released.
 * An owner that is being deleted neither adopts nor releases.
 */
import { deepCopy } from '../../store.js';
import { selectorMatches } from '../../selectors.js';
import type { KubeObject, LabelSelector } from '../../types.js';
import type { ControllerContext } from '../controller.js';
import { controllerOf, newControllerRef } from './pod-util.js';

/**
 * Returns the candidates `owner` controls after adopting and releasing. `candidates` are
 * read-only views; writes go through the API server, and the returned objects are fresh copies
 * for the ones that changed.
 */
export function claimObjects<T extends KubeObject>(ctx: ControllerContext, owner: KubeObject, selector: LabelSelector, candidates: readonly T[]): T[] {
  const owned: T[] = [];
  const ownerUid = owner.metadata.uid;
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  for (const obj of candidates) {
    if (obj.metadata.namespace !== owner.metadata.namespace) continue;
    const matches = selectorMatches(selector, obj.metadata.labels ?? {});
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (matches) {
        owned.push(obj);
        continue;
      }
      if (!ownerDeleting) release(ctx, obj, ownerUid!);
      continue;
    }
    if (ownerDeleting || !matches || obj.metadata.deletionTimestamp) continue;
    const adopted = adopt(ctx, owner, obj);
    if (adopted) owned.push(adopted);
  }
  return owned;
}

function adopt<T extends KubeObject>(ctx: ControllerContext, owner: KubeObject, obj: T): T | undefined {
  const copy = deepCopy(obj) as T;
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), newControllerRef(owner)];
  try {
    return ctx.api.update<T>(copy).object;
  } catch {
    // Gone or changed meanwhile: the next pass decides again (upstream requeues).
    return undefined;
  }
}

function release(ctx: ControllerContext, obj: KubeObject, ownerUid: string): void {
  const copy = deepCopy(obj);
  const refs = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (refs.length > 0) copy.metadata.ownerReferences = refs;
  else delete copy.metadata.ownerReferences;
  try {
    ctx.api.update(copy);
  } catch {
    // NotFound or Conflict: nothing to release now.
  }
}
