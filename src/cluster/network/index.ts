/** PLACEHOLDER: IP allocation, cluster DNS and the service network; replaced by the network work. */
import type { Cluster } from '../cluster.js';

/** Installs the registry hooks that allocate ClusterIPs and the cluster's network model. */
export function installNetwork(_cluster: Cluster): void {}
