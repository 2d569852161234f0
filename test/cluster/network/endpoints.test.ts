import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import type { Endpoints, EndpointSlice, Pod } from '../../../src/cluster/types.js';
import { createPod, createService, markDeleted } from '../helpers/objects.js';

const sliceOf = (c: Cluster, svc: string) => c.store.view<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

/** Forces a pod's readiness (as a failing or passing probe would). */
function setReady(c: Cluster, name: string, ready: boolean): void {
  const p = c.store.get<Pod>('Pod', 'default', name);
  p.status!.conditions = p.status!.conditions!.map((x) => (x.type === 'Ready' ? { ...x, status: ready ? 'True' : 'False' } : x));
  c.store.update(p);
}

test('Endpoints and EndpointSlices hold exactly the selected pods, split by readiness (property)', () => {
  const labelArb = fc.record({ app: fc.constantFrom('web', 'api'), color: fc.constantFrom('blue', 'green') });
  fc.assert(
    fc.property(fc.array(fc.record({ labels: labelArb, ready: fc.boolean() }), { minLength: 0, maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), (specs, seed) => {
      const c = new Cluster({ seed });
      createService(c, 'svc', { app: 'web', color: 'blue' }, 80, 80);
      specs.forEach((s, i) => createPod(c, `p${i}`, { labels: s.labels }));
      c.advance(60_000);
      specs.forEach((s, i) => setReady(c, `p${i}`, s.ready));
      c.settle();
      const pods = c.store.view<Pod>('Pod', 'default');
      const selected = pods.filter((p) => p.metadata.labels!.app === 'web' && p.metadata.labels!.color === 'blue');
      const readyIps = selected.filter((p) => specs[Number(p.metadata.name!.slice(1))].ready).map((p) => p.status!.podIP!).sort();
      const notReadyIps = selected.filter((p) => !specs[Number(p.metadata.name!.slice(1))].ready).map((p) => p.status!.podIP!).sort();
      const ep = c.store.get<Endpoints>('Endpoints', 'default', 'svc');
      const addresses = (ep.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.ip);
      const notReady = (ep.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.ip);
      expect(addresses).toEqual(readyIps);
      expect(notReady).toEqual(notReadyIps);
      const slices = sliceOf(c, 'svc');
      expect(slices.length).toBe(1);
      const eps = slices[0].endpoints;
      expect(eps.filter((e) => e.conditions?.ready).map((e) => e.addresses[0]).sort()).toEqual(readyIps);
      expect(eps.filter((e) => !e.conditions?.ready).map((e) => e.addresses[0]).sort()).toEqual(notReadyIps);
      if (selected.length === 0) {
        expect(ep.subsets).toBeUndefined();
        expect(slices[0].ports).toBeNull();
      } else expect(slices[0].ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    }),
    { numRuns: 15 },
  );
}, 60_000);

test('shape of the objects: targetRef, nodeName, labels, owner, trigger-time annotation', () => {
  const c = new Cluster({ seed: 2 });
  const svc = createService(c, 'web', { app: 'web' }, 80, 8080);
  createPod(c, 'a', { labels: { app: 'web' } });
  c.advance(30_000);
  const p = c.store.get<Pod>('Pod', 'default', 'a');
  const ep = c.store.get<Endpoints>('Endpoints', 'default', 'web');
  expect(ep.subsets).toEqual([{ addresses: [{ ip: p.status!.podIP!, nodeName: 'kubelab-worker', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: p.metadata.uid! } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
  const readySince = p.status!.conditions!.find((x) => x.type === 'Ready')!.lastTransitionTime;
  expect(ep.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': readySince });
  const [slice] = sliceOf(c, 'web');
  expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  expect(slice.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
  expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  expect(slice.endpoints).toEqual([{ addresses: [p.status!.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'kubelab-worker', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: p.metadata.uid } }]);
});

test('a named targetPort resolves through each pod\'s container ports', () => {
  const c = new Cluster({ seed: 2 });
  createService(c, 'named', { app: 'n' }, 80, 'http');
  createPod(c, 'has', { labels: { app: 'n' }, ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] });
  createPod(c, 'lacks', { labels: { app: 'n' } });
  c.advance(30_000);
  const ep = c.store.get<Endpoints>('Endpoints', 'default', 'named');
  expect(ep.subsets?.flatMap((s) => s.addresses ?? []).map((a) => a.targetRef?.name)).toEqual(['has']);
  expect(ep.subsets?.[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
});

test('terminating pods leave the ready endpoints at once; the slice keeps them as terminating', () => {
  const c = new Cluster({ seed: 3 });
  createService(c, 'web', { app: 'web' });
  createPod(c, 'a', { labels: { app: 'web' } });
  createPod(c, 'b', { labels: { app: 'web' } });
  c.advance(30_000);
  markDeleted(c, 'default', 'a');
  const ep = c.store.get<Endpoints>('Endpoints', 'default', 'web');
  expect(ep.subsets?.flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).map((a) => a.targetRef?.name)).toEqual(['b']);
  const a = sliceOf(c, 'web')[0].endpoints.find((e) => e.targetRef?.name === 'a')!;
  expect(a.conditions).toEqual({ ready: false, serving: true, terminating: true });
  c.advance(5_000);
  expect(sliceOf(c, 'web')[0].endpoints.map((e) => e.targetRef?.name)).toEqual(['b']);
});

test('a selector patch re-points Endpoints and slices in the same settle; the slice keeps its name', () => {
  const c = new Cluster({ seed: 4 });
  createService(c, 'test-service', { app: 'test-pod', color: 'blue' });
  for (const color of ['blue', 'green']) for (let i = 0; i < 2; i++) createPod(c, `${color}-${i}`, { labels: { app: 'test-pod', color } });
  c.advance(30_000);
  const name = sliceOf(c, 'test-service')[0].metadata.name;
  // What `kubectl patch service test-service -p '{"spec":{"selector":{"color":"green"}}}'` stores
  // (the patch engine is someone else's work in progress; the update is the same write).
  const svc = c.store.get<import('../../../src/cluster/types.js').Service>('Service', 'default', 'test-service');
  svc.spec.selector = { ...svc.spec.selector, color: 'green' };
  c.api.update(svc);
  c.settle();
  const ep = c.store.get<Endpoints>('Endpoints', 'default', 'test-service');
  expect(ep.subsets?.[0].addresses?.map((a) => a.targetRef?.name).sort()).toEqual(['green-0', 'green-1']);
  expect(sliceOf(c, 'test-service').map((s) => s.metadata.name)).toEqual([name]);
  expect(sliceOf(c, 'test-service')[0].endpoints.map((e) => e.targetRef?.name).sort()).toEqual(['green-0', 'green-1']);
});

test('services without a selector are left alone, existing objects included (upstream behaviour)', () => {
  const c = new Cluster({ seed: 4 });
  createService(c, 'manual', undefined);
  c.settle();
  expect(c.store.find('Endpoints', 'default', 'manual')).toBeUndefined();
  expect(sliceOf(c, 'manual')).toEqual([]);
});

test('a deleted service takes its Endpoints and slices with it', () => {
  const c = new Cluster({ seed: 4 });
  createService(c, 'gone', { app: 'x' });
  c.settle();
  expect(c.store.find('Endpoints', 'default', 'gone')).toBeDefined();
  c.api.remove('Service', 'default', 'gone');
  c.settle();
  expect(c.store.find('Endpoints', 'default', 'gone')).toBeUndefined();
  expect(sliceOf(c, 'gone')).toEqual([]);
});

test('a deleted Endpoints object or managed EndpointSlice comes back at once (onEndpointsDelete, onEndpointSliceDelete)', () => {
  const c = new Cluster({ seed: 3 });
  createService(c, 'svc', { app: 'web' }, 80, 80);
  createPod(c, 'p0', { labels: { app: 'web' } });
  c.advance(60_000);
  c.settle();
  const before = c.store.get<Endpoints>('Endpoints', 'default', 'svc');
  expect((before.subsets ?? []).flatMap((s) => s.addresses ?? [])).toHaveLength(1);
  c.api.remove('Endpoints', 'default', 'svc');
  c.settle();
  const after = c.store.get<Endpoints>('Endpoints', 'default', 'svc');
  expect(after.metadata.uid).not.toBe(before.metadata.uid);
  expect(after.subsets).toEqual(before.subsets);
  const slice = sliceOf(c, 'svc')[0];
  c.api.remove('EndpointSlice', 'default', slice.metadata.name!);
  c.settle();
  const again = sliceOf(c, 'svc');
  expect(again).toHaveLength(1);
  expect(again[0].metadata.uid).not.toBe(slice.metadata.uid);
  expect(again[0].endpoints).toEqual(slice.endpoints);
});
