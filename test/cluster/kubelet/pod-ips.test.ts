import fc from 'fast-check';
import { expect, test } from 'vitest';
import { PodIpAllocator } from '../../../src/cluster/kubelet/pod-ips.js';
import { Rng } from '../../../src/cluster/rng.js';

test('host-local allocation: unique live IPs in .2–.254 over thousands of pods with churn', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.boolean(), { minLength: 3000, maxLength: 3000 }), (seed, ops) => {
      const a = new PodIpAllocator(new Rng(seed));
      const live = new Map<string, string>();
      let n = 0;
      for (const create of ops) {
        if (create || live.size === 0) {
          if (live.size >= 253) continue;
          const uid = `uid-${n++}`;
          const ip = a.allocate(uid, 'kubelab-worker', '10.244.1.0/24')!;
          expect(ip).toMatch(/^10\.244\.1\.(\d+)$/);
          const last = Number(ip.split('.')[3]);
          expect(last).toBeGreaterThanOrEqual(2);
          expect(last).toBeLessThanOrEqual(254);
          expect([...live.values()]).not.toContain(ip);
          live.set(uid, ip);
        } else {
          const uid = [...live.keys()][0];
          a.release(uid);
          live.delete(uid);
        }
      }
      expect(a.inUse()).toBe(live.size);
    }),
    { numRuns: 10 },
  );
});

test('a full /24 refuses a 254th address; a release frees one', () => {
  const a = new PodIpAllocator(new Rng(1));
  for (let i = 0; i < 253; i++) expect(a.allocate(`u${i}`, 'n', '10.244.2.0/24')).toBeDefined();
  expect(a.allocate('extra', 'n', '10.244.2.0/24')).toBeUndefined();
  a.release('u7');
  expect(a.allocate('extra', 'n', '10.244.2.0/24')).toBeDefined();
});

test('the same seed gives the same IPs; allocation is idempotent per pod', () => {
  const ips = (seed: number) => {
    const a = new PodIpAllocator(new Rng(seed));
    return Array.from({ length: 5 }, (_, i) => a.allocate(`u${i}`, 'n', '10.244.1.0/24'));
  };
  expect(ips(4)).toEqual(ips(4));
  const a = new PodIpAllocator(new Rng(4));
  expect(a.allocate('x', 'n', '10.244.1.0/24')).toBe(a.allocate('x', 'n', '10.244.1.0/24'));
});
