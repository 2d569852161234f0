/**
 * The ReplicaSet controller's pod index (the informer indexes upstream keeps by controller
 * uid), fed by watch events: the active pods each controller uid controls, the active orphans
 * of each namespace, and per ReplicaSet the counts its status needs, updated for the pods that
 * changed since its last sync. A sync then costs what changed, not the number of pods.
 */
import { selectorMatches } from '../../selectors.js';
import type { Store, WatchEvent } from '../../store.js';
import type { KubeObject, Pod, ReplicaSet } from '../../types.js';
import { controllerOf, isPodActive, isPodReady } from './pod-util.js';
import { type Intrinsic, storedIntrinsicOf } from './pod-ranking.js';

/** What one controlled pod adds to its ReplicaSet's counts. */
interface Contribution {
  matches: boolean;
  fullyLabeled: boolean;
  ready: boolean;
}

/** Counts over a set of pods. */
export interface PodCounts {
  pods: number;
  fullyLabeled: number;
  ready: number;
}

interface Members {
  pods: Map<string, Contribution | null>;
  changed: Set<string>;
  mismatched: Set<string>;
  basis: string;
  all: PodCounts;
  matching: PodCounts;
  /** Active controlled pods per node name ('' unscheduled), for the deletion rank. */
  perNode: Map<string, number>;
  /** The matching keys in order, until membership or matching changes. */
  sortedMatching: string[] | undefined;
  /** Matching pods by deletion-order fields and node (`<fields id>\0<node>`), keys in order. */
  buckets: Map<string, PodBucket>;
  bucketOf: Map<string, string>;
  /** Every matching pod in key order, with its bucket and its deletion-order fields. */
  ordered: OrderedPod[];
}

/** Matching pods of one ReplicaSet equal on the deletion-order fields but the rank, on one node. */
export interface PodBucket {
  id: string;
  node: string;
  keys: string[];
  /** The fields of one member (all members share the primary ones). */
  head: Intrinsic;
  /** Scratch for the ranking: the index of the rank group this bucket falls in. */
  group: number;
}

/** A matching pod as the ranking reads it. */
export interface OrderedPod {
  key: string;
  bucket: PodBucket;
  fields: Intrinsic;
}

function orderedIndex(list: readonly OrderedPod[], k: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].key < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(keys: readonly string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function podKey(p: KubeObject): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/** Controlled and orphan pods, with per-owner counts. */
export class RsPodIndex {
  private readonly byUid = new Map<string, Members>();
  private readonly orphans = new Map<string, Set<string>>();
  private readonly placed = new Map<string, { uid?: string; orphanNs?: string; node: string }>();
  /** The stored object of every placed pod (stored objects are replaced, never changed). */
  private readonly objects = new Map<string, Pod>();
  private primed = false;

  /** `touched(ownerUid | undefined, namespace)` runs for every owner whose pods changed (undefined: an orphan changed in the namespace). */
  constructor(
    private readonly store: Store,
    private readonly touched: (ownerUid: string | undefined, namespace: string) => void,
  ) {
    store.watch((e) => this.onEvent(e), { readOnly: true });
  }

  /** On first use, indexes every pod. */
  prime(): void {
    if (this.primed) return;
    this.primed = true;
    for (const p of this.store.view<Pod>('Pod')) this.place(p, false);
  }

  /** Keys of the active orphans of a namespace. */
  orphansIn(ns: string): ReadonlySet<string> {
    return this.orphans.get(ns) ?? new Set();
  }

  /** Keys of the active pods controlled by `uid` whose labels do not match `rs`'s selector (after `refresh`). */
  mismatched(uid: string): ReadonlySet<string> {
    return this.byUid.get(uid)?.mismatched ?? new Set();
  }

  /** Keys of the active pods controlled by `uid`, matching its selector or (all) not, in key order. */
  keys(uid: string, matchingOnly: boolean): string[] {
    const m = this.byUid.get(uid);
    if (!m) return [];
    if (matchingOnly && m.sortedMatching) return m.sortedMatching.slice();
    const out: string[] = [];
    for (const [k, c] of m.pods) if (!matchingOnly || c?.matches) out.push(k);
    out.sort();
    if (matchingOnly) m.sortedMatching = out.slice();
    return out;
  }

  /** The stored pod behind a key of this index. */
  pod(key: string): Pod {
    return this.objects.get(key)!;
  }

  /** Active pods controlled by `uid` per node name ('' for unscheduled ones). */
  perNode(uid: string): ReadonlyMap<string, number> {
    return this.byUid.get(uid)?.perNode ?? new Map();
  }

  /** Keys of the active pods controlled by `uid`, unordered. */
  podKeys(uid: string): Iterable<string> {
    return this.byUid.get(uid)?.pods.keys() ?? [];
  }

  /** Brings `rs`'s counts up to date with its pods and its current selector and template labels; returns them. */
  refresh(rs: ReplicaSet): { all: PodCounts; matching: PodCounts } {
    const m = this.members(rs.metadata.uid!);
    const selector = rs.spec.selector ?? {};
    const templateLabels = rs.spec.template.metadata?.labels ?? {};
    const basis = JSON.stringify([selector, templateLabels]);
    if (basis !== m.basis) {
      m.basis = basis;
      for (const k of m.pods.keys()) m.changed.add(k);
    }
    for (const k of m.changed) {
      const old = m.pods.get(k);
      if (old === undefined) continue;
      if (old) this.count(m, old, -1);
      const slash = k.indexOf('/');
      const pod = this.store.peek<Pod>('Pod', k.slice(0, slash), k.slice(slash + 1))!;
      const labels = pod.metadata.labels ?? {};
      const c: Contribution = { matches: selectorMatches(selector, labels), fullyLabeled: selectorMatches({ matchLabels: templateLabels }, labels), ready: isPodReady(pod) };
      if (c.matches !== old?.matches) m.sortedMatching = undefined;
      m.pods.set(k, c);
      // A pod that stays matching keeps its place in `ordered`: only its entry changes.
      this.unbucket(m, k, c.matches);
      if (c.matches) {
        const fields = storedIntrinsicOf(pod);
        const node = pod.spec.nodeName ?? '';
        const bk = `${fields.id}\u0000${node}`;
        let b = m.buckets.get(bk);
        if (!b) m.buckets.set(bk, (b = { id: fields.id, node, keys: [], head: fields, group: -1 }));
        b.keys.splice(lowerBound(b.keys, k), 0, k);
        m.bucketOf.set(k, bk);
        const at = orderedIndex(m.ordered, k);
        const entry = m.ordered[at];
        if (entry?.key === k) {
          entry.bucket = b;
          entry.fields = fields;
        } else m.ordered.splice(at, 0, { key: k, bucket: b, fields });
      }
      this.count(m, c, 1);
      if (c.matches) m.mismatched.delete(k);
      else m.mismatched.add(k);
    }
    m.changed.clear();
    return { all: { ...m.all }, matching: { ...m.matching } };
  }

  /** The matching pods of `uid` by deletion-order fields and node (after `refresh`). */
  buckets(uid: string): Iterable<PodBucket> {
    return this.byUid.get(uid)?.buckets.values() ?? [];
  }

  /** The matching pods of `uid` in key order, with bucket and fields (after `refresh`). */
  ordered(uid: string): readonly OrderedPod[] {
    return this.byUid.get(uid)?.ordered ?? [];
  }

  private unbucket(m: Members, k: string, keepOrdered = false): void {
    const bk = m.bucketOf.get(k);
    if (bk === undefined) return;
    const b = m.buckets.get(bk)!;
    b.keys.splice(lowerBound(b.keys, k), 1);
    if (b.keys.length === 0) m.buckets.delete(bk);
    m.bucketOf.delete(k);
    if (!keepOrdered) m.ordered.splice(orderedIndex(m.ordered, k), 1);
  }

  private count(m: Members, c: Contribution, sign: number): void {
    for (const counts of c.matches ? [m.all, m.matching] : [m.all]) {
      counts.pods += sign;
      if (c.fullyLabeled) counts.fullyLabeled += sign;
      if (c.ready) counts.ready += sign;
    }
  }

  private members(uid: string): Members {
    let m = this.byUid.get(uid);
    if (!m) {
      m = { pods: new Map(), changed: new Set(), mismatched: new Set(), basis: '', all: { pods: 0, fullyLabeled: 0, ready: 0 }, matching: { pods: 0, fullyLabeled: 0, ready: 0 }, perNode: new Map(), sortedMatching: undefined, buckets: new Map(), bucketOf: new Map(), ordered: [] };
      this.byUid.set(uid, m);
    }
    return m;
  }

  private onEvent(e: WatchEvent): void {
    if (!this.primed || e.object.kind !== 'Pod') return;
    this.place(e.object as Pod, e.type === 'DELETED');
  }

  private place(pod: Pod, deleted: boolean): void {
    const k = podKey(pod);
    const ns = pod.metadata.namespace ?? '';
    const node = pod.spec.nodeName ?? '';
    const before = this.placed.get(k);
    let uid: string | undefined;
    let orphanNs: string | undefined;
    if (!deleted && isPodActive(pod)) {
      const ref = controllerOf(pod);
      if (ref) uid = ref.uid;
      else orphanNs = ns;
    }
    if (before?.uid !== undefined) {
      const m = this.byUid.get(before.uid)!;
      m.perNode.set(before.node, m.perNode.get(before.node)! - 1);
      if (before.uid !== uid) {
        const c = m.pods.get(k);
        if (c) this.count(m, c, -1);
        if (c?.matches !== false) m.sortedMatching = undefined;
        m.pods.delete(k);
        this.unbucket(m, k);
        m.changed.delete(k);
        m.mismatched.delete(k);
        this.touched(before.uid, ns);
      }
    }
    if (before?.orphanNs !== undefined && before.orphanNs !== orphanNs) {
      this.orphans.get(before.orphanNs)?.delete(k);
      this.touched(undefined, before.orphanNs);
    }
    if (uid !== undefined) {
      const m = this.members(uid);
      if (!m.pods.has(k)) {
        m.pods.set(k, null);
        m.sortedMatching = undefined;
      }
      m.perNode.set(node, (m.perNode.get(node) ?? 0) + 1);
      m.changed.add(k);
      this.touched(uid, ns);
    }
    if (orphanNs !== undefined) {
      let set = this.orphans.get(orphanNs);
      if (!set) this.orphans.set(orphanNs, (set = new Set()));
      set.add(k);
      this.touched(undefined, orphanNs);
    }
    if (uid !== undefined || orphanNs !== undefined) {
      this.placed.set(k, { uid, orphanNs, node });
      this.objects.set(k, pod);
    } else {
      this.placed.delete(k);
      this.objects.delete(k);
    }
  }
}
