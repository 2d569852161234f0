/** Test builders for pods, services and config maps created directly (no controllers above pods). */
import type { Cluster } from '../../../src/cluster/cluster.js';
import type { Pod, Service } from '../../../src/cluster/types.js';

/** Creates a pod running `image` with `labels`; returns the stored pod. */
export function createPod(c: Cluster, name: string, opts: { image?: string; labels?: Record<string, string>; namespace?: string; restartPolicy?: string; command?: string[]; volumes?: unknown[]; volumeMounts?: unknown[]; readinessProbe?: unknown; ports?: unknown[]; stdin?: boolean } = {}): Pod {
  return c.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels ?? {} },
    spec: {
      containers: [
        {
          name: (opts.image ?? 'nginx:1.14').split(/[:/]/)[0] === 'nginx' ? 'nginx' : 'main',
          image: opts.image ?? 'nginx:1.14',
          ...(opts.command ? { command: opts.command } : {}),
          ...(opts.volumeMounts ? { volumeMounts: opts.volumeMounts } : {}),
          ...(opts.readinessProbe ? { readinessProbe: opts.readinessProbe } : {}),
          ...(opts.ports ? { ports: opts.ports } : {}),
          ...(opts.stdin ? { stdin: true, tty: true } : {}),
        },
      ],
      restartPolicy: opts.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: 30,
      ...(opts.volumes ? { volumes: opts.volumes } : {}),
    },
  }).object;
}

/** Creates a ClusterIP service. */
export function createService(c: Cluster, name: string, selector: Record<string, string> | undefined, port = 80, targetPort: number | string = port, namespace = 'default'): Service {
  return c.api.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', ...(selector ? { selector } : {}), ports: [{ port, protocol: 'TCP', targetPort }] },
  }).object;
}

/** Marks a pod for graceful deletion as the API server does (deletion.ts may not have landed yet). */
export function markDeleted(c: Cluster, namespace: string, name: string, graceSeconds = 30): void {
  const pod = c.store.get<Pod>('Pod', namespace, name);
  pod.metadata.deletionTimestamp = c.clock.timestamp(graceSeconds * 1000);
  pod.metadata.deletionGracePeriodSeconds = graceSeconds;
  c.store.update(pod);
  c.settle();
}

/** The pod, or undefined. */
export function pod(c: Cluster, name: string, namespace = 'default'): Pod | undefined {
  return c.store.find<Pod>('Pod', namespace, name);
}

/** Event messages about a pod, `Reason: message`. */
export function podEvents(c: Cluster, name: string, namespace = 'default'): string[] {
  const p = c.store.find<Pod>('Pod', namespace, name);
  const all = c.store.list<import('../../../src/cluster/types.js').KubeEvent>('Event', namespace).filter((e) => e.involvedObject.name === name && (!p || e.involvedObject.uid === p.metadata.uid));
  return all.sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0)).map((e) => `${e.reason}: ${e.message}`);
}
