import { describe, expect, it } from 'vitest';
import { VirtualClock, formatTimestamp } from '../../src/cluster/clock.js';
import { Rng, K8S_ALPHANUMS } from '../../src/cluster/rng.js';
import { Store } from '../../src/cluster/store.js';
import { ApiError } from '../../src/cluster/errors.js';
import { Cluster } from '../../src/cluster/cluster.js';
import type { ConfigMap, KubeObject } from '../../src/cluster/types.js';

const cm = (name: string, data: Record<string, string> = {}): ConfigMap & { data: Record<string, string> } => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

describe('VirtualClock', () => {
  it('fires timers in time order, then insertion order, each at its own instant', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 2000);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 1000);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 2000);
    clock.advance(1500);
    expect(seen).toEqual(['a@1000']);
    expect(clock.now()).toBe(1500);
    clock.advance(10_000);
    expect(seen).toEqual(['a@1000', 'b@2000', 'c@2000']);
    expect(clock.now()).toBe(11_500);
  });

  it('cancels timers and runs until idle within a limit', () => {
    const clock = new VirtualClock(0);
    let fired = 0;
    const id = clock.setTimeout(() => fired++, 10);
    clock.clearTimeout(id);
    clock.setTimeout(() => fired++, 50);
    clock.setTimeout(() => fired++, 5_000);
    expect(clock.runUntilIdle(1_000)).toBe(50);
    expect(fired).toBe(1);
  });

  it('formats RFC 3339 timestamps with whole seconds', () => {
    expect(formatTimestamp(Date.UTC(2025, 7, 19, 9, 0, 1, 999))).toBe('2025-08-19T09:00:01Z');
  });
});

describe('Rng', () => {
  it('gives the same stream for the same seed and name, and independent streams per name', () => {
    const a = new Rng(7).fork('pods');
    const b = new Rng(7).fork('pods');
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    const c = new Rng(7);
    const names1 = c.fork('names').string(5);
    c.fork('ips').next(); // another consumer does not shift 'names'
    expect(new Rng(7).fork('names').string(5)).toBe(names1);
    expect(new Rng(8).fork('names').string(5)).not.toBe(names1);
  });

  it('draws pod suffixes from apimachinery alphabet only', () => {
    const s = new Rng(1).string(1000);
    expect([...s].every((ch) => K8S_ALPHANUMS.includes(ch))).toBe(true);
  });
});

describe('Store', () => {
  const newStore = () => new Store(new VirtualClock(), new Rng(1));

  it('assigns uid, resourceVersion and creationTimestamp, and copies in and out', () => {
    const store = newStore();
    const input = cm('a', { k: 'v' });
    const created = store.create(input);
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.metadata.resourceVersion).toBe('1');
    expect(created.metadata.creationTimestamp).toBe('2025-08-19T09:00:00Z');
    input.data.k = 'changed';
    created.data.k = 'changed too';
    expect(store.get<ConfigMap>('ConfigMap', 'default', 'a').data).toEqual({ k: 'v' });
  });

  it('throws kubectl-worded NotFound, AlreadyExists and Conflict', () => {
    const store = newStore();
    store.create(cm('a'));
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('no error');
    };
    expect(err(() => store.get('ConfigMap', 'default', 'x')).message).toBe('configmaps "x" not found');
    expect(err(() => store.get('Deployment', 'default', 'x')).message).toBe('deployments.apps "x" not found');
    expect(err(() => store.create(cm('a'))).message).toBe('configmaps "a" already exists');
    const stale = { ...cm('a', { k: '2' }), metadata: { name: 'a', namespace: 'default', resourceVersion: '999' } };
    const conflict = err(() => store.update(stale));
    expect(conflict.reason).toBe('Conflict');
    expect(conflict.message).toBe(
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('skips writes that change nothing and notifies watchers of real ones', () => {
    const store = newStore();
    const events: string[] = [];
    store.watch((e) => events.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`));
    const a = store.create(cm('a'));
    store.update(a);
    store.update({ ...a, data: { x: 'y' } });
    store.delete('ConfigMap', 'default', 'a');
    expect(events).toEqual(['ADDED a 1', 'MODIFIED a 2', 'DELETED a 2']);
  });

  it('bumps generation only for spec changes of kinds that have one', () => {
    const store = newStore();
    const d = store.create<KubeObject>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'default' },
      spec: { replicas: 1 },
    });
    expect(d.metadata.generation).toBe(1);
    const labelled = store.update({ ...d, metadata: { ...d.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = store.update({ ...labelled, spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it('fills generateName with five characters of the apimachinery alphabet', () => {
    const store = newStore();
    const p = store.create<KubeObject>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'web-', namespace: 'default' } });
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('Cluster determinism', () => {
  it('gives byte-identical stores for the same seed and operations', () => {
    const run = (seed: number) => {
      const c = new Cluster({ seed });
      for (let i = 0; i < 5; i++) c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cm-' }, data: { i: String(i) } });
      c.advance(30_000);
      return JSON.stringify(c.store.dump());
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });
});
