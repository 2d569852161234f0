/**
 * Pod IPs as kind's CNI (kindnet with host-local IPAM) hands them out: each node owns a /24
 * of 10.244.0.0/16; .1 is the bridge gateway; addresses go out in order after the last one
 * reserved, wrapping around, skipping those in use. Where each node's walk starts is drawn
 * from a seeded stream (earlier pods have used some addresses), so a seed fixes every IP.
 */
import type { Rng } from '../rng.js';
import { numberToIp, parseCidr } from '../network/ipv4.js';

/** host-local IPAM for one node's range. */
class NodeRange {
  private readonly used = new Set<number>();
  private last: number;

  constructor(
    private readonly base: number,
    private readonly size: number,
    start: number,
  ) {
    this.last = start;
  }

  allocate(): number | undefined {
    const usable = this.size - 3; // network, gateway (.1), broadcast
    for (let i = 1; i <= usable; i++) {
      const offset = 2 + ((this.last - 2 + i) % usable);
      if (!this.used.has(offset)) {
        this.used.add(offset);
        this.last = offset;
        return this.base + offset;
      }
    }
    return undefined;
  }

  release(n: number): void {
    this.used.delete(n - this.base);
  }
}

/** Pod IP allocation across nodes, keyed by pod UID so a release is idempotent. */
export class PodIpAllocator {
  private readonly ranges = new Map<string, NodeRange>();
  private readonly held = new Map<string, { node: string; ip: number }>();

  constructor(private readonly rng: Rng) {}

  /** The pod's IP on `node` (from `podCIDR`), allocating one if it holds none; undefined if the range is full. */
  allocate(podUid: string, node: string, podCIDR: string): string | undefined {
    const have = this.held.get(podUid);
    if (have) return numberToIp(have.ip);
    let range = this.ranges.get(node);
    if (!range) {
      const { base, size } = parseCidr(podCIDR);
      range = new NodeRange(base, size, 1 + this.rng.int(24));
      this.ranges.set(node, range);
    }
    const ip = range.allocate();
    if (ip === undefined) return undefined;
    this.held.set(podUid, { node, ip });
    return numberToIp(ip);
  }

  /** Frees the pod's IP (sandbox torn down); unknown UIDs are ignored. */
  release(podUid: string): void {
    const have = this.held.get(podUid);
    if (!have) return;
    this.ranges.get(have.node)?.release(have.ip);
    this.held.delete(podUid);
  }

  /** Number of IPs held (for tests). */
  inUse(): number {
    return this.held.size;
  }
}
