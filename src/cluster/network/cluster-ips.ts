/**
 * The Service ClusterIP and NodePort allocators of the API server's service registry
 * (`pkg/registry/core/service/ipallocator`, KEP-3070 reserved ranges). ClusterIPs come from
 * the service CIDR 10.96.0.0/12 (kubeadm and kind default). The lower band, min(max(16,
 * size/16), 256) = 256 addresses, is kept for static requests (10.96.0.1 `kubernetes`,
 * 10.96.0.10 `kube-dns`); dynamic allocation picks uniformly at random above it, from a seeded
 * stream, and never hands out an address in use.
 */
import { invalid } from '../errors.js';
import { resourceForKind } from '../resources.js';
import type { Rng } from '../rng.js';
import type { Service } from '../types.js';
import { cidrContains, numberToIp, parseCidr, type Cidr } from './ipv4.js';

/** The service CIDR of a kind/kubeadm cluster. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The NodePort range (`--service-node-port-range` default). */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/** Allocates and releases ClusterIPs and NodePorts. */
export class ClusterIpAllocator {
  private readonly cidr: Cidr = parseCidr(SERVICE_CIDR);
  private readonly usedIps = new Set<string>();
  private readonly usedNodePorts = new Set<number>();
  private readonly staticBand: number;

  constructor(
    private readonly ipRng: Rng,
    private readonly portRng: Rng,
  ) {
    this.staticBand = Math.min(Math.max(16, this.cidr.size / 16), 256);
  }

  /** True if the address is allocated. */
  isAllocated(ip: string): boolean {
    return this.usedIps.has(ip);
  }

  /**
   * Fills spec.clusterIP(s), ipFamilies, ipFamilyPolicy and node ports of a Service about to be
   * stored, reserving a requested ClusterIP or allocating one. Throws Invalid like the registry.
   */
  allocateFor(svc: Service): void {
    const spec = (svc.spec ??= {});
    const name = svc.metadata.name ?? '';
    if (spec.type === 'ExternalName') return;
    const requested = spec.clusterIP ?? spec.clusterIPs?.[0];
    if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
    } else if (requested) {
      if (!cidrContains(this.cidr, requested)) {
        throw invalid(resourceForKind('Service'), name, [
          { reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: []string{"${requested}"}: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}` },
        ]);
      }
      if (this.usedIps.has(requested)) {
        throw invalid(resourceForKind('Service'), name, [
          { reason: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `Invalid value: []string{"${requested}"}: failed to allocate IP ${requested}: provided IP is already allocated` },
        ]);
      }
      this.usedIps.add(requested);
      spec.clusterIP = requested;
      spec.clusterIPs = [requested];
    } else {
      const ip = this.randomFreeIp();
      this.usedIps.add(ip);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      for (const p of spec.ports ?? []) {
        if (p.nodePort) this.usedNodePorts.add(p.nodePort);
        else p.nodePort = this.randomFreeNodePort();
      }
    }
  }

  /** Releases what a deleted Service held. */
  releaseFor(svc: Service): void {
    for (const ip of svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) if (ip && ip !== 'None') this.usedIps.delete(ip);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) this.usedNodePorts.delete(p.nodePort);
  }

  private randomFreeIp(): string {
    // Skip the network address, the static band and the broadcast address.
    const first = this.staticBand;
    const count = this.cidr.size - 1 - first;
    for (let attempt = 0; attempt < 64; attempt++) {
      const ip = numberToIp(this.cidr.base + first + this.ipRng.int(count));
      if (!this.usedIps.has(ip)) return ip;
    }
    // A nearly full range: scan from a random start, as the bitmap allocator does.
    const start = this.ipRng.int(count);
    for (let i = 0; i < count; i++) {
      const ip = numberToIp(this.cidr.base + first + ((start + i) % count));
      if (!this.usedIps.has(ip)) return ip;
    }
    throw new Error('range is full');
  }

  private randomFreeNodePort(): number {
    const span = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
    let port = NODE_PORT_RANGE.min + this.portRng.int(span);
    while (this.usedNodePorts.has(port)) port = NODE_PORT_RANGE.min + ((port - NODE_PORT_RANGE.min + 1) % span);
    this.usedNodePorts.add(port);
    return port;
  }
}
