/** IPv4 arithmetic on dotted quads and CIDRs, as 32-bit unsigned numbers. */

/** `10.96.0.1` → 174063617. */
export function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  return (((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]) >>> 0;
}

/** 174063617 → `10.96.0.1`. */
export function numberToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A parsed CIDR: first address (network) and size. */
export interface Cidr {
  base: number;
  size: number;
}

/** `10.96.0.0/12` → base and size (1,048,576). */
export function parseCidr(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return { base: ipToNumber(ip) - (ipToNumber(ip) % size), size };
}

/** True if `ip` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
  const n = ipToNumber(ip);
  return n >= cidr.base && n < cidr.base + cidr.size;
}
