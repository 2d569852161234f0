/**
 * Fetching for describe, kept apart from rendering: what each kind's describer reads from the
 * API server besides the object (events, EndpointSlices, ReplicaSets, pods), then the render.
 */
import type { Cluster } from '../../cluster/cluster.js';
import { selectorMatches } from '../../cluster/selectors.js';
import type { ConfigMap, Deployment, EndpointSlice, Endpoints, KubeEvent, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../../cluster/types.js';
import { KubectlError } from '../errors.js';
import { describeConfigMap, describeNamespace } from './configmap.js';
import { describeDeployment, splitReplicaSets } from './deployment.js';
import { describeEndpointSlice, describeEndpoints } from './endpoints.js';
import { eventsForObject } from './events.js';
import { describeNode, simulatedLease } from './node.js';
import { describePod } from './pod.js';
import { describeReplicaSet, podPhaseCounts } from './replicaset.js';
import { describeService } from './service.js';

/** Options of one describe. */
export interface DescribeSettings {
  showEvents: boolean;
  nowMs: number;
}

/** Describes one stored object as `kubectl describe` would, reading what its describer reads. */
export function describeObject(cluster: Cluster, obj: KubeObject, settings: DescribeSettings): string {
  const { nowMs } = settings;
  const ns = obj.metadata.namespace;
  const events = (opts: { ignoreKind?: boolean } = {}) => (settings.showEvents ? eventsForObject(cluster.store.view<KubeEvent>('Event', ns ?? undefined), obj, opts) : undefined);
  switch (obj.kind) {
    case 'Pod':
      // PodDescriber drops the kind from the event search (mirror pods).
      return describePod(obj as Pod, events({ ignoreKind: true }), nowMs);
    case 'Deployment': {
      const d = obj as Deployment;
      const listed = cluster.store.view<ReplicaSet>('ReplicaSet', ns).filter((rs) => selectorMatches(d.spec.selector, rs.metadata.labels ?? {}));
      const { oldRSs, newRS } = splitReplicaSets(d, listed);
      return describeDeployment(d, oldRSs, newRS, events(), nowMs);
    }
    case 'ReplicaSet': {
      const rs = obj as ReplicaSet;
      const pods = cluster.store.view<Pod>('Pod', ns).filter((p) => selectorMatches(rs.spec.selector, p.metadata.labels ?? {}));
      return describeReplicaSet(rs, podPhaseCounts(pods, rs.metadata.uid), events(), nowMs);
    }
    case 'Service': {
      const slices = cluster.store.view<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name);
      return describeService(obj as Service, slices, events(), nowMs);
    }
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, events(), nowMs);
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice, events(), nowMs);
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, events(), nowMs);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'Node': {
      const node = obj as Node;
      const pods = cluster.store.view<Pod>('Pod').filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      // The node controller records with the node's uid, the kubelet with its name as uid.
      let nodeEvents: KubeEvent[] | undefined;
      if (settings.showEvents) {
        const all = cluster.store.view<KubeEvent>('Event');
        nodeEvents = [...eventsForObject(all, node), ...eventsForObject(all, { ...node, metadata: { ...node.metadata, uid: node.metadata.name } })];
      }
      return describeNode(node, pods, simulatedLease(node, nowMs), nodeEvents, nowMs);
    }
    default:
      throw new KubectlError(`kubelab does not describe ${obj.kind} objects yet`);
  }
}
