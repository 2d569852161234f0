/**
 * Determinism guard for the performance work on src/cluster: a scripted scenario at a few
 * hundred replicas (create, scale, roll, undo, Recreate with minReadySeconds, Services,
 * unschedulable pods on a small cluster, pod deletes, foreground and orphan deletes, requests
 * through a Service) whose full trace (every watch event with its object, the store dump after
 * each phase, the clock, the request answers) is hashed. The expected hashes were recorded
 * before any optimisation; an optimisation that changes one byte of behaviour breaks them.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { networkOf } from '../../src/cluster/network/index.js';
import type { Deployment, KubeObject, Pod } from '../../src/cluster/types.js';

function deployment(name: string, replicas: number, image: string, extra: Record<string, unknown> = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] } }, ...extra },
  };
}

function service(name: string, selector: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port: 80 }] } };
}

/** Runs the scenario; returns the sha256 of its whole trace. */
function scenario(workers: number, replicas: number): string {
  const hash = createHash('sha256');
  const c = new Cluster({ seed: 7, workers });
  c.store.watch((e) => hash.update(`${e.type} ${JSON.stringify(e.object)}\n`));
  const phase = (label: string) => {
    hash.update(`== ${label} @${c.clock.now()} pending=${c.clock.pending()}\n`);
    hash.update(JSON.stringify(c.store.dump()));
  };
  const get = (name: string) => c.store.get<Deployment>('Deployment', 'default', name);
  const setImage = (name: string, image: string) => {
    const d = get(name);
    d.spec.template.spec.containers[0].image = image;
    c.api.update(d);
  };

  c.api.create(service('web', { app: 'web' }));
  c.api.create(deployment('web', replicas, 'nginx:1.14'));
  c.api.create(deployment('api', 6, 'nginx:1.14', { strategy: { type: 'Recreate' }, minReadySeconds: 5 }));
  c.api.create(service('api', { app: 'api' }));
  c.settle();
  c.advance(2_000);
  phase('created, mid-start');
  c.runUntilIdle(3_600_000);
  phase('created');

  const d = get('web');
  c.api.update({ ...d, spec: { ...d.spec, replicas: Math.floor(replicas * 0.7) } });
  c.advance(5_000);
  phase('scaled down');
  setImage('web', 'nginx:1.15');
  setImage('api', 'nginx:1.15');
  c.advance(7_000);
  phase('rolling');
  const d2 = get('web');
  c.api.update({ ...d2, spec: { ...d2.spec, replicas } });
  c.runUntilIdle(3_600_000);
  phase('rolled');

  // `kubectl rollout undo`: the template of the previous revision, written back.
  setImage('web', 'nginx:1.14');
  c.advance(3_000);
  setImage('web', 'nginx:no-such-tag');
  c.advance(20_000);
  phase('bad image');
  setImage('web', 'nginx:1.14');
  c.runUntilIdle(3_600_000);
  phase('undone');

  const net = networkOf(c);
  const answers: string[] = [];
  for (let i = 0; i < 200; i++) {
    const r = net.request('http://web/', 'default');
    answers.push(`${r.ok}`);
    const a = net.request('http://api.default.svc.cluster.local/', 'default');
    answers.push(`${a.ok}`);
  }
  hash.update(answers.join(','));

  const pods = c.store.view<Pod>('Pod', 'default').slice(0, 5);
  for (const p of pods) c.api.delete('Pod', 'default', p.metadata.name!);
  c.api.delete('Pod', 'default', c.store.view<Pod>('Pod', 'default')[10].metadata.name!, { gracePeriodSeconds: 0 });
  c.advance(1_000);
  phase('pods deleted');
  c.runUntilIdle(3_600_000);
  c.api.delete('Deployment', 'default', 'api', { propagationPolicy: 'Foreground' });
  c.advance(1_000);
  phase('api foreground delete');
  c.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
  c.api.delete('Service', 'default', 'api');
  c.runUntilIdle(3_600_000);
  phase('orphaned');
  for (const rs of c.store.list('ReplicaSet', 'default')) c.api.delete('ReplicaSet', 'default', rs.metadata.name!);
  c.runUntilIdle(3_600_000);
  phase('end');
  return hash.digest('hex');
}

describe('scale determinism guard', () => {
  it('a 40-replica scenario keeps its recorded trace', () => {
    expect(scenario(2, 40)).toBe('7986372c2d7362e8b6bdfe60dab76e2a17ba76ef532e32612491fc790147ab3e');
  });

  it('a 300-replica scenario on enough nodes keeps its recorded trace', () => {
    expect(scenario(4, 300)).toBe('a0c23f36db164829ab8802042e65edc323bca8d41b07a5218222e8dd5f09ff8b');
  });

  it('a 300-replica scenario on two nodes (unschedulable pods) keeps its recorded trace', () => {
    expect(scenario(2, 300)).toBe('d83eb71ba293dc057787c0aa851586cd5df2113e22f43f3b88369b840e06408c');
  });
});
