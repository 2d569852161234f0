/**
 * The garbage collector's view of the ownership graph, kept from watch events (the
 * dependency graph upstream's GraphBuilder feeds from informers). It answers what a full scan
 * would find without scanning: the dependents of an owner uid, the objects whose owner changed
 * (suspects), the owners in foreground deletion and the marked objects. Objects are ordered as
 * a scan of every kind in RESOURCE_TYPES order and then by store key would meet them.
 */
import { FOREGROUND_FINALIZER } from '../deletion.js';
import { RESOURCE_TYPES, findResourceForKind } from '../resources.js';
import type { Store, WatchEvent } from '../store.js';
import type { KubeObject } from '../types.js';

const KIND_ORDER = new Map(RESOURCE_TYPES.map((r, i) => [r.kind, String(i).padStart(3, '0')]));

/** `<kind position>\0<namespace>/<name>`: sorts as the full scan visits objects. */
export function orderKeyOf(obj: KubeObject): string {
  const r = findResourceForKind(obj.kind);
  const ns = r?.namespaced ? (obj.metadata.namespace ?? '') : '';
  return `${KIND_ORDER.get(obj.kind)}\u0000${ns}/${obj.metadata.name}`;
}

function ownerSignature(obj: KubeObject): string {
  const waiting = Boolean(obj.metadata.deletionTimestamp) && (obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER);
  return `${obj.metadata.uid}|${waiting}`;
}

function ownerNameKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}/${name}`;
}

/** The ownership index of one store. */
export class GcIndex {
  private primed = false;
  /** Owner references last seen per object. */
  private readonly refs = new Map<string, { uids: string[]; names: string[] }>();
  /** Owner uid → dependents (order key → number of references with that uid). */
  private readonly byOwnerUid = new Map<string, Map<string, number>>();
  /** Owner kind/namespace/name → dependents naming it. */
  private readonly byOwnerName = new Map<string, Set<string>>();
  /** Per object (by kind/namespace/name): what its dependents' ownerState reads of it. */
  private readonly ownerSigs = new Map<string, string>();
  private readonly foreground = new Set<string>();
  private readonly marked = new Set<string>();
  private suspects = new Set<string>();
  /** While frozen (one collect pass), uid changes wait here: the pass sees the graph as it began. */
  private frozen = false;
  private readonly staleUids = new Set<string>();
  private visit: { queue: string[]; pos: number; current: string } | undefined;

  constructor(private readonly store: Store) {
    store.watch((e) => this.onEvent(e), { readOnly: true });
  }

  /** On first use, indexes every object (each with owners becomes a suspect). */
  prime(): void {
    if (this.primed) return;
    this.primed = true;
    for (const r of RESOURCE_TYPES) {
      for (const obj of this.store.view(r.kind)) {
        this.ownerSigs.set(ownerNameKey(obj.kind, r.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name!), ownerSignature(obj));
        this.upsert(obj);
      }
    }
  }

  /** Holds uid changes until `thawDependents`. */
  freezeDependents(): void {
    this.frozen = true;
  }

  /** Applies the uid changes held since `freezeDependents`. */
  thawDependents(): void {
    this.frozen = false;
    for (const k of this.staleUids) this.setUids(k, this.refs.get(k)?.uids ?? []);
    this.staleUids.clear();
  }

  /** The stored object behind an order key. */
  peekKey(k: string): KubeObject | undefined {
    const kind = RESOURCE_TYPES[Number(k.slice(0, 3))].kind;
    const rest = k.slice(4);
    const slash = rest.indexOf('/');
    return this.store.peek(kind, slash === 0 ? undefined : rest.slice(0, slash), rest.slice(slash + 1));
  }

  /** True if some object referenced this owner uid when the pass began. */
  hasDependents(uid: string): boolean {
    return (this.byOwnerUid.get(uid)?.size ?? 0) > 0;
  }

  /** The live dependents that referenced `uid` when the pass began, once per reference, in scan order. */
  dependentsOf(uid: string): KubeObject[] {
    const deps = this.byOwnerUid.get(uid);
    if (!deps) return [];
    const out: KubeObject[] = [];
    for (const k of [...deps.keys()].sort()) {
      const obj = this.peekKey(k);
      if (obj) for (let i = 0; i < deps.get(k)!; i++) out.push(obj);
    }
    return out;
  }

  /** Order keys of the owners in foreground deletion, in scan order. */
  foregroundOwners(): string[] {
    return [...this.foreground].sort();
  }

  /** Order keys of the marked objects other than pods, in scan order. */
  markedNonPods(): string[] {
    return [...this.marked].sort();
  }

  /**
   * Visits the suspects in scan order; one that turns suspect during the visit is visited in
   * this pass if it comes later in the order, else in the next. `fn` returns true if it acted
   * (the object is looked at again next pass).
   */
  visitSuspects(fn: (obj: KubeObject) => boolean): void {
    const queue = [...this.suspects].sort();
    this.suspects = new Set();
    this.visit = { queue, pos: 0, current: '' };
    try {
      while (this.visit.pos < queue.length) {
        const k = queue[this.visit.pos++];
        this.visit.current = k;
        const obj = this.peekKey(k);
        if (obj && fn(obj)) this.suspects.add(k);
      }
    } finally {
      this.visit = undefined;
    }
  }

  private addSuspect(k: string): void {
    const v = this.visit;
    if (!v || k <= v.current) {
      this.suspects.add(k);
      return;
    }
    let lo = v.pos;
    let hi = v.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v.queue[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    if (v.queue[lo] !== k) v.queue.splice(lo, 0, k);
  }

  private onEvent(e: WatchEvent): void {
    if (!this.primed) return;
    const obj = e.object;
    const r = findResourceForKind(obj.kind);
    if (!r) return;
    // Dependents care only about their owner's uid and whether it waits on them (ownerState).
    const nameKey = ownerNameKey(obj.kind, r.namespaced ? (obj.metadata.namespace ?? '') : '', obj.metadata.name!);
    const sig = e.type === 'DELETED' ? undefined : ownerSignature(obj);
    if (sig !== this.ownerSigs.get(nameKey)) {
      const named = this.byOwnerName.get(nameKey);
      if (named) for (const dep of named) this.addSuspect(dep);
    }
    if (sig === undefined) this.ownerSigs.delete(nameKey);
    else this.ownerSigs.set(nameKey, sig);
    if (e.type === 'DELETED') {
      const k = orderKeyOf(obj);
      this.setRefs(k, obj, []);
      this.foreground.delete(k);
      this.marked.delete(k);
    } else this.upsert(obj);
  }

  private upsert(obj: KubeObject): void {
    const k = orderKeyOf(obj);
    const refs = obj.metadata.ownerReferences ?? [];
    this.setRefs(k, obj, refs);
    if (refs.length > 0) this.addSuspect(k);
    const deleting = Boolean(obj.metadata.deletionTimestamp);
    if (deleting && (obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) this.foreground.add(k);
    else this.foreground.delete(k);
    if (deleting && obj.kind !== 'Pod') this.marked.add(k);
    else this.marked.delete(k);
  }

  private setRefs(k: string, obj: KubeObject, refs: readonly { kind: string; name: string; uid: string }[]): void {
    const old = this.refs.get(k);
    const ns = obj.metadata.namespace ?? '';
    const names: string[] = [];
    for (const ref of refs) {
      const r = findResourceForKind(ref.kind);
      if (r) names.push(ownerNameKey(ref.kind, r.namespaced ? ns : '', ref.name));
    }
    const uids = refs.map((ref) => ref.uid);
    // Most writes (pod status) keep the references: then the indexes already say all this.
    if (old && sameStrings(old.names, names) && sameStrings(old.uids, uids)) return;
    for (const n of old?.names ?? []) this.byOwnerName.get(n)?.delete(k);
    for (const n of names) {
      let set = this.byOwnerName.get(n);
      if (!set) this.byOwnerName.set(n, (set = new Set()));
      set.add(k);
    }
    if (refs.length > 0) this.refs.set(k, { uids, names });
    else this.refs.delete(k);
    if (this.frozen) this.staleUids.add(k);
    else this.setUids(k, uids);
  }

  /** Puts `k` under exactly the owner uids in `uids` (the graph the next pass starts from). */
  private readonly indexedUids = new Map<string, string[]>();

  private setUids(k: string, uids: string[]): void {
    for (const uid of this.indexedUids.get(k) ?? []) {
      const deps = this.byOwnerUid.get(uid);
      if (!deps) continue;
      deps.delete(k);
      if (deps.size === 0) this.byOwnerUid.delete(uid);
    }
    for (const uid of uids) {
      let deps = this.byOwnerUid.get(uid);
      if (!deps) this.byOwnerUid.set(uid, (deps = new Map()));
      deps.set(k, (deps.get(k) ?? 0) + 1);
    }
    if (uids.length > 0) this.indexedUids.set(k, uids);
    else this.indexedUids.delete(k);
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
