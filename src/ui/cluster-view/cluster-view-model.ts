/**
 * What the cluster and traffic panels read, refreshed cheaply: the picture is made again only
 * when the store's resourceVersion moved, and while virtual time runs at most four times a
 * virtual second (a scale-up to thousands of pods writes on every tick; the view need not
 * follow each write). When time stands still (paused, or a command at one instant) a changed
 * store is drawn at once. The traffic summary is made again when an answer came in or the
 * virtual second changed (answers age out of the window).
 */
import type { Cluster } from '../../cluster/cluster.js';
import { networkOf } from '../../cluster/network/index.js';
import { clusterPicture, type ClusterPicture } from './cluster-picture.js';
import { TrafficLog, type ServiceTraffic } from './traffic-log.js';
import { KeyPalette } from './version-key.js';

/** Virtual ms between two pictures while time runs. */
export const MIN_REFRESH_MS = 250;

/** The cluster view's state for one lesson's cluster. */
export class ClusterViewModel {
  readonly palette = new KeyPalette();
  readonly traffic = new TrafficLog();
  /** Pictures made so far (for tests and the benchmark). */
  builds = 0;
  private readonly detach: () => void;
  private current: ClusterPicture | undefined;
  private currentAt = 0;
  private lastAskedAt = Number.NaN;
  private summary: { version: number; second: number; picture: ClusterPicture; value: ServiceTraffic[] } | undefined;

  /** Listens to the cluster's (the student's) service network from now on. */
  constructor(private readonly cluster: Cluster) {
    this.detach = this.traffic.attach(networkOf(cluster));
  }

  /** The picture to draw now (the same object while nothing needs drawing again). */
  picture(): ClusterPicture {
    const now = this.cluster.clock.now();
    const stood = now === this.lastAskedAt;
    this.lastAskedAt = now;
    const moved = this.current?.resourceVersion !== this.cluster.store.resourceVersion();
    if (!this.current || (moved && (stood || now - this.currentAt >= MIN_REFRESH_MS))) {
      this.current = clusterPicture(this.cluster.store, now, this.palette);
      this.currentAt = now;
      this.builds++;
    }
    return this.current;
  }

  /** Recent answers per Service, keyed as the picture keys pods. */
  trafficSummary(): ServiceTraffic[] {
    const picture = this.picture();
    const now = this.cluster.clock.now();
    const version = this.traffic.version();
    const second = Math.floor(now / 1000);
    const s = this.summary;
    if (s && s.version === version && s.second === second && s.picture === picture) return s.value;
    const value = this.traffic.summary(now, picture, this.palette);
    this.summary = { version, second, picture, value };
    return value;
  }

  /** Stops listening to the network. */
  stop(): void {
    this.detach();
  }
}
