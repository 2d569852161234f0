/** PLACEHOLDER: ClusterIP and pod IP allocation; replaced by the network work. */
import type { KubeObject } from './types.js';

/** Sets registry-owned Service fields (clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy) on create. */
export function allocateServiceFields(_svc: KubeObject): void {}

/** Releases what a deleted Service held. */
export function releaseServiceFields(_svc: KubeObject): void {}
