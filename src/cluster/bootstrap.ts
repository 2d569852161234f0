/** PLACEHOLDER: namespaces, nodes and the kubernetes Service; replaced by the node/network work. */
import type { Cluster } from './cluster.js';

/** Creates what a fresh kubeadm-like cluster has. */
export function bootstrapCluster(cluster: Cluster): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}
