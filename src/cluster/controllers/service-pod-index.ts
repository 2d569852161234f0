/**
 * Which pods each Service selects, kept up to date from watch events (the informer index the
 * endpoint controllers share in spirit): a pod change marks the Services it entered, left or
 * stayed in as dirty; a Service change recomputes its members. A sync then costs the dirty
 * Services' members, never a scan of every pod for every Service.
 */
import { mapSelectorMatches } from '../selectors.js';
import type { Store, WatchEvent } from '../store.js';
import type { Pod, Service } from '../types.js';

/** `ns/name`. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** True if the Service has a selector the endpoint controllers act on (nil or empty: left alone). */
export function hasSelector(svc: Service): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}

/**
 * For a deleted object a controller writes, the Service it belongs to (its key), or undefined:
 * upstream's onEndpointsDelete / onEndpointSliceDelete queue that Service again, so a student's
 * `kubectl delete endpoints web` is undone at the next sync, as on a real cluster.
 */
export type OwnedObjectService = (e: WatchEvent) => string | undefined;

/** Services → selected pods, with a dirty set. */
export class ServicePodIndex {
  private readonly members = new Map<string, Set<string>>();
  private readonly podServices = new Map<string, Set<string>>();
  /** Services to sync; a deleted Service stays here so its objects get cleaned up. */
  readonly dirty = new Set<string>();
  private primed = false;

  constructor(
    private readonly store: Store,
    private readonly ownedDeleted?: OwnedObjectService,
  ) {
    store.watch((e) => this.onEvent(e), { readOnly: true });
  }

  /** On first use, indexes everything and marks every Service dirty. */
  prime(): void {
    if (this.primed) return;
    this.primed = true;
    for (const svc of this.store.view<Service>('Service')) this.rebuildService(svc);
  }

  /** Keys of the pods a Service selects (same namespace, labels ⊇ selector). */
  membersOf(svcKey: string): ReadonlySet<string> {
    return this.members.get(svcKey) ?? new Set();
  }

  private onEvent(e: WatchEvent): void {
    if (!this.primed) return;
    if (e.object.kind === 'Service') {
      const svc = e.object as Service;
      const key = objectKey(svc.metadata.namespace, svc.metadata.name!);
      if (e.type === 'DELETED') {
        for (const p of this.members.get(key) ?? []) this.podServices.get(p)?.delete(key);
        this.members.delete(key);
        this.dirty.add(key);
      } else this.rebuildService(svc);
    } else if (e.object.kind === 'Pod') {
      this.onPod(e.object as Pod, e.type === 'DELETED');
    } else if (e.type === 'DELETED' && this.ownedDeleted) {
      const key = this.ownedDeleted(e);
      if (key !== undefined) this.dirty.add(key);
    }
  }

  private onPod(pod: Pod, deleted: boolean): void {
    const podKey = objectKey(pod.metadata.namespace, pod.metadata.name!);
    const before = this.podServices.get(podKey) ?? new Set<string>();
    const after = new Set<string>();
    if (!deleted) {
      for (const svc of this.store.view<Service>('Service', pod.metadata.namespace)) {
        if (mapSelectorMatches(svc.spec?.selector, pod.metadata.labels ?? {})) after.add(objectKey(svc.metadata.namespace, svc.metadata.name!));
      }
    }
    for (const s of before) {
      this.dirty.add(s);
      if (!after.has(s)) this.members.get(s)?.delete(podKey);
    }
    for (const s of after) {
      this.dirty.add(s);
      let set = this.members.get(s);
      if (!set) this.members.set(s, (set = new Set()));
      set.add(podKey);
    }
    if (after.size > 0) this.podServices.set(podKey, after);
    else this.podServices.delete(podKey);
  }

  private rebuildService(svc: Service): void {
    const key = objectKey(svc.metadata.namespace, svc.metadata.name!);
    for (const p of this.members.get(key) ?? []) this.podServices.get(p)?.delete(key);
    const set = new Set<string>();
    if (hasSelector(svc)) {
      for (const pod of this.store.view<Pod>('Pod', svc.metadata.namespace)) {
        if (!mapSelectorMatches(svc.spec.selector, pod.metadata.labels ?? {})) continue;
        const podKey = objectKey(pod.metadata.namespace, pod.metadata.name!);
        set.add(podKey);
        let ps = this.podServices.get(podKey);
        if (!ps) this.podServices.set(podKey, (ps = new Set()));
        ps.add(key);
      }
    }
    this.members.set(key, set);
    this.dirty.add(key);
  }
}
