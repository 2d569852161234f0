/** PLACEHOLDER: graceful deletion and cascading; replaced by the garbage-collector work. */
import type { Cluster } from './cluster.js';

/** Installs the API server's deletion hooks (grace periods, propagation policies). */
export function installDeletion(_cluster: Cluster): void {}
