/**
 * The cluster network: the service registry's ClusterIP allocation (installed as the API
 * server's registry hooks) and the service network model (DNS, kube-proxy, containers).
 * `networkOf(cluster)` gives the model to curl/wget emulations and `kubectl exec`.
 */
import type { Cluster } from '../cluster.js';
import type { Service } from '../types.js';
import { ClusterIpAllocator } from './cluster-ips.js';
import { ServiceNetwork } from './service-network.js';

export { ServiceNetwork, parseUrl, type AnsweredRequest, type TrafficObserver, type RequestClient, type RequestResult, type RequestErrorKind, type RequestTarget } from './service-network.js';
export { containerFilesystem, listDirectory, isDirectory, type ContainerFilesystem, type FileEntry } from './filesystem.js';
export { SERVICE_CIDR } from './cluster-ips.js';
export type { DnsAnswer } from './dns.js';

const networks = new WeakMap<Cluster, ServiceNetwork>();
const allocators = new WeakMap<Cluster, ClusterIpAllocator>();

/** Installs the registry hooks that allocate ClusterIPs and the cluster's network model. */
export function installNetwork(cluster: Cluster): void {
  const allocator = new ClusterIpAllocator(cluster.rng.fork('cluster-ip'), cluster.rng.fork('node-port'));
  const previous = cluster.api.registryHooks;
  cluster.api.registryHooks = {
    beforeCreate(obj) {
      previous.beforeCreate?.(obj);
      if (obj.kind !== 'Service') return;
      // A create that will fail with AlreadyExists must not take an address.
      if (obj.metadata.name && cluster.store.peek('Service', obj.metadata.namespace, obj.metadata.name)) return;
      allocator.allocateFor(obj as Service);
    },
    afterDelete(obj) {
      previous.afterDelete?.(obj);
      if (obj.kind === 'Service') allocator.releaseFor(obj as Service);
    },
  };
  allocators.set(cluster, allocator);
  networks.set(cluster, new ServiceNetwork(cluster.store, cluster.clock, cluster.rng.fork('kube-proxy')));
}

/** The service network model of a cluster. */
export function networkOf(cluster: Cluster): ServiceNetwork {
  const n = networks.get(cluster);
  if (!n) throw new Error('installNetwork has not run for this cluster');
  return n;
}

/** The ClusterIP allocator of a cluster (for tests and `kubelab serve` diagnostics). */
export function clusterIpAllocatorOf(cluster: Cluster): ClusterIpAllocator {
  return allocators.get(cluster)!;
}
