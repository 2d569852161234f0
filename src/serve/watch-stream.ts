/**
 * Watches for `kubelab serve`: a history of recent changes (so a watch from a list's
 * resourceVersion misses nothing), and the events one watch receives, as objects or as
 * one-row Tables (`kubectl get -w`).
 */
import type { Cluster } from '../cluster/cluster.js';
import type { WatchEvent } from '../cluster/store.js';
import type { KubeObject } from '../cluster/types.js';
import { served } from './handler.js';
import { asTable, inTarget, type ResourcePath } from './resource-path.js';

/** A change with the resourceVersion it produced. */
interface Recorded {
  rv: number;
  event: WatchEvent;
}

const HISTORY = 2000;

/** Keeps the last changes of the store and fans them out to watchers. */
export class WatchHub {
  private readonly history: Recorded[] = [];
  private readonly listeners = new Set<(r: Recorded) => void>();

  constructor(private readonly cluster: Cluster) {
    cluster.store.watch((event) => {
      const rv = Number(cluster.store.resourceVersion());
      const r = { rv, event };
      this.history.push(r);
      if (this.history.length > HISTORY) this.history.shift();
      for (const l of this.listeners) l(r);
    });
  }

  /**
   * Streams the events of `target` newer than `sinceRv` to `send` (history first, then live);
   * returns the function that stops it.
   */
  subscribe(target: ResourcePath, sinceRv: number, asTables: boolean, matches: (o: KubeObject) => boolean, send: (line: string) => void): () => void {
    const encode = (r: Recorded) => {
      const obj = r.event.object as KubeObject;
      const object = asTables ? asTable(target.type, [obj], this.cluster.clock.now(), false, String(r.rv)) : served(target.type, obj);
      return `${JSON.stringify({ type: r.event.type, object })}\n`;
    };
    for (const r of this.history) if (r.rv > sinceRv && inTarget(target, r.event.object) && matches(r.event.object)) send(encode(r));
    const listener = (r: Recorded) => {
      if (inTarget(target, r.event.object) && matches(r.event.object)) send(encode(r));
    };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
