/**
 * What checks read a cluster through, so the same checks grade the simulator and a real cluster.
 * The interface is synchronous on purpose: checks run inside the lesson machine's guards after
 * every command, and the in-memory reader answers from the store's read-only views at no cost.
 * A real cluster is read by first taking a snapshot of the objects the checks can look at
 * (src/realcluster/snapshot.ts, asynchronous), then evaluating against the snapshot.
 *
 * Traffic works the same way: a TrafficSampler answers synchronously; the in-memory one sends
 * the requests through a side network of the simulated cluster, the real-cluster one hands out
 * answers that short-lived pods fetched beforehand.
 */
import type { Cluster } from '../cluster/cluster.js';
import { ServiceNetwork } from '../cluster/network/index.js';
import type { Store } from '../cluster/store.js';
import type { KubeObject } from '../cluster/types.js';
import type { TrafficCheck } from './scenario-types.js';

/** Read-only access to a cluster's objects. Objects handed out must not be changed. */
export interface ClusterReader {
  /** The object of canonical `kind` (`Deployment`), or undefined. `namespace` is ignored for cluster-scoped kinds. */
  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined;
  /** Every object of `kind` in `namespace`, in name order. */
  list<T extends KubeObject>(kind: string, namespace: string): readonly T[];
}

/** One answer of a traffic sample: a body when the request got an HTTP answer, else why not. */
export type TrafficAnswer = { ok: true; body: string } | { ok: false; message: string };

/** Sends a traffic check's requests; synchronous (see the file comment). */
export interface TrafficSampler {
  /** `requests` answers to GET `url` from a pod in `namespace`, for `check`. */
  sample(check: TrafficCheck, url: string, namespace: string, requests: number): readonly TrafficAnswer[];
}

/** A reader over the simulated cluster's store (its read-only views; no copies). */
export class MemoryClusterReader implements ClusterReader {
  constructor(private readonly store: Store) {}

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.store.peek<T>(kind, namespace, name);
  }

  list<T extends KubeObject>(kind: string, namespace: string): readonly T[] {
    return this.store.view<T>(kind, namespace);
  }
}

/**
 * Traffic through a ServiceNetwork beside the student's. Its kube-proxy stream is forked from the
 * cluster's seed by the check's own text (`lesson-traffic/<check as JSON>`), so the student's
 * stream is never drawn from, no clock moves, and the same state always gives the same answers.
 */
export class MemoryTrafficSampler implements TrafficSampler {
  constructor(private readonly cluster: Cluster) {}

  sample(check: TrafficCheck, url: string, namespace: string, requests: number): TrafficAnswer[] {
    const network = new ServiceNetwork(this.cluster.store, this.cluster.clock, this.cluster.rng.fork(`lesson-traffic/${JSON.stringify(check)}`));
    const answers: TrafficAnswer[] = [];
    for (let i = 0; i < requests; i++) {
      const r = network.request(url, namespace);
      answers.push(r.ok ? { ok: true, body: r.body } : { ok: false, message: r.message });
    }
    return answers;
  }
}

/** A reader over objects fetched before (a snapshot), keyed by kind, namespace and name. */
export class SnapshotClusterReader implements ClusterReader {
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byList = new Map<string, KubeObject[]>();

  /** `objects` by canonical kind; `namespaced(kind)` says whether the namespace is part of the key. */
  constructor(
    objects: ReadonlyMap<string, readonly KubeObject[]>,
    private readonly namespaced: (kind: string) => boolean,
  ) {
    for (const [kind, list] of objects) {
      for (const o of [...list].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))) {
        const ns = this.ns(kind, o.metadata.namespace ?? '');
        this.byKey.set(`${kind}/${ns}/${o.metadata.name}`, o);
        const listKey = `${kind}/${ns}`;
        this.byList.set(listKey, [...(this.byList.get(listKey) ?? []), o]);
      }
    }
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.byKey.get(`${kind}/${this.ns(kind, namespace)}/${name}`) as T | undefined;
  }

  list<T extends KubeObject>(kind: string, namespace: string): readonly T[] {
    return (this.byList.get(`${kind}/${this.ns(kind, namespace)}`) ?? []) as T[];
  }

  private ns(kind: string, namespace: string): string {
    return this.namespaced(kind) ? namespace : '';
  }
}
