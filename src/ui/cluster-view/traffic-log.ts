/**
 * The traffic panel's model: which pods answered the recent requests the student sent
 * through Services (curl or wget from a shell), grouped by version key, as counts for bars.
 * It listens to the student's service network only: the zero-downtime meter and the checks
 * send theirs through side networks, which nobody observes, so they never count here.
 * Bounded: the last `capacity` answers (100) no older than `windowMs` (60 virtual seconds).
 */
import type { AnsweredRequest, ServiceNetwork } from '../../cluster/network/index.js';
import type { Pod } from '../../cluster/types.js';
import type { ClusterPicture } from './cluster-picture.js';
import { type KeyPalette, type KeyStyle, type VersionKey, keyText, versionKeyOf } from './version-key.js';

/** Answers kept. */
export const TRAFFIC_CAPACITY = 100;

/** How far back an answer still counts as recent (virtual ms). */
export const TRAFFIC_WINDOW_MS = 60_000;

/** One bar: the answers of one version key. */
export interface TrafficBar {
  key?: VersionKey;
  style?: KeyStyle;
  count: number;
}

/** The recent answers through one Service. */
export interface ServiceTraffic {
  service: string;
  namespace: string;
  total: number;
  /** Largest count first; ties in key order. */
  bars: TrafficBar[];
}

/** A bounded ring of answered requests. */
export class TrafficLog {
  private readonly ring: AnsweredRequest[] = [];
  private start = 0;
  private changes = 0;

  constructor(readonly capacity = TRAFFIC_CAPACITY) {}

  /** Starts listening to a network; returns the unsubscribe function. */
  attach(network: ServiceNetwork): () => void {
    return network.observe((a) => this.add(a));
  }

  /** Records one answer (the oldest goes once the ring is full). */
  add(answered: AnsweredRequest): void {
    if (this.ring.length < this.capacity) this.ring.push(answered);
    else {
      this.ring[this.start] = answered;
      this.start = (this.start + 1) % this.capacity;
    }
    this.changes++;
  }

  /** A counter that moves with every answer (to know when to draw again). */
  version(): number {
    return this.changes;
  }

  /** The kept answers, oldest first, no older than `windowMs` before `nowMs`. */
  recent(nowMs: number, windowMs = TRAFFIC_WINDOW_MS): AnsweredRequest[] {
    const ordered = [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
    return ordered.filter((a) => a.at > nowMs - windowMs);
  }

  /** The recent answers per Service, counted by version key (keys as the cluster view shows them). */
  summary(nowMs: number, picture: ClusterPicture | undefined, palette: KeyPalette, windowMs = TRAFFIC_WINDOW_MS): ServiceTraffic[] {
    const rsKeys = replicaSetKeys(picture);
    const perService = new Map<string, ServiceTraffic>();
    for (const a of this.recent(nowMs, windowMs)) {
      const id = `${a.service.namespace}/${a.service.name}`;
      let s = perService.get(id);
      if (!s) perService.set(id, (s = { service: a.service.name, namespace: a.service.namespace, total: 0, bars: [] }));
      s.total++;
      const key = keyOfPod(a.pod, rsKeys);
      const text = key ? keyText(key) : '';
      let bar = s.bars.find((b) => (b.key ? keyText(b.key) : '') === text);
      if (!bar) s.bars.push((bar = { key, style: key && palette.styleOf(key), count: 0 }));
      bar.count++;
    }
    const out = [...perService.values()].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.service.localeCompare(b.service));
    for (const s of out) s.bars.sort((a, b) => b.count - a.count || (a.key ? keyText(a.key) : '').localeCompare(b.key ? keyText(b.key) : ''));
    return out;
  }
}

/** ReplicaSet (`ns/name`) → the key the cluster view gave it (it may differ from the label's). */
function replicaSetKeys(picture: ClusterPicture | undefined): Map<string, VersionKey | undefined> {
  const out = new Map<string, VersionKey | undefined>();
  for (const d of picture?.deployments ?? []) for (const rs of d.replicaSets) out.set(`${d.namespace}/${rs.name}`, rs.key);
  return out;
}

function keyOfPod(pod: Pod, rsKeys: Map<string, VersionKey | undefined>): VersionKey | undefined {
  const rs = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet')?.name;
  const id = `${pod.metadata.namespace}/${rs}`;
  if (rs && rsKeys.has(id)) return rsKeys.get(id);
  return versionKeyOf(pod.metadata.labels);
}
