/**
 * Whole-cluster invariants under random operations (all controllers together): Deployments
 * and Services created, scaled, re-imaged, re-pointed and deleted while time passes.
 * After every step: each pod has at most one controller owner; pod IPs are unique; each
 * Service's Endpoints hold exactly the ready, non-terminating pods its selector matches.
 * After a quiet period every ReplicaSet owns exactly its replicas. The same seed and
 * operations give byte-identical store contents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import type { Deployment, KubeObject, Service } from '../../src/cluster/types.js';
import { checkConverged, checkInvariants } from '../helpers/cluster-invariants.js';

const APPS = ['web', 'api'];
const COLORS = ['blue', 'green'];
const IMAGES = ['nginx:1.14', 'nginx:1.15', 'nginx:1.17'];

type Op =
  | { op: 'deploy'; app: number; color: number; replicas: number; image: number }
  | { op: 'scale'; app: number; color: number; replicas: number }
  | { op: 'image'; app: number; color: number; image: number }
  | { op: 'delete'; app: number; color: number }
  | { op: 'service'; app: number; color: number | null }
  | { op: 'wait'; seconds: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('deploy' as const), app: fc.nat(1), color: fc.nat(1), replicas: fc.nat(5), image: fc.nat(2) }),
  fc.record({ op: fc.constant('scale' as const), app: fc.nat(1), color: fc.nat(1), replicas: fc.nat(6) }),
  fc.record({ op: fc.constant('image' as const), app: fc.nat(1), color: fc.nat(1), image: fc.nat(2) }),
  fc.record({ op: fc.constant('delete' as const), app: fc.nat(1), color: fc.nat(1) }),
  fc.record({ op: fc.constant('service' as const), app: fc.nat(1), color: fc.option(fc.nat(1), { nil: null }) }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
);

const depName = (app: number, color: number) => `${APPS[app]}-${COLORS[color]}`;

function deployment(app: number, color: number, replicas: number, image: number): KubeObject {
  const labels = { app: APPS[app], color: COLORS[color] };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: depName(app, color), namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: IMAGES[image], ports: [{ containerPort: 80 }] }] } },
    },
  };
}

function apply(c: Cluster, o: Op): void {
  const find = (app: number, color: number) => c.store.find<Deployment>('Deployment', 'default', depName(app, color));
  switch (o.op) {
    case 'deploy':
      if (!find(o.app, o.color)) c.api.create(deployment(o.app, o.color, o.replicas, o.image));
      break;
    case 'scale': {
      const d = find(o.app, o.color);
      if (d) c.api.update({ ...d, spec: { ...d.spec, replicas: o.replicas } });
      break;
    }
    case 'image': {
      const d = find(o.app, o.color);
      if (d) {
        d.spec.template.spec.containers[0].image = IMAGES[o.image];
        c.api.update(d);
      }
      break;
    }
    case 'delete':
      if (find(o.app, o.color)) c.api.delete('Deployment', 'default', depName(o.app, o.color), { propagationPolicy: 'Background' });
      break;
    case 'service': {
      const name = `${APPS[o.app]}-svc`;
      const selector = o.color === null ? { app: APPS[o.app] } : { app: APPS[o.app], color: COLORS[o.color] };
      const svc = c.store.find<Service>('Service', 'default', name);
      if (svc) c.api.update({ ...svc, spec: { ...svc.spec, selector } });
      else c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port: 80 }] } });
      break;
    }
    case 'wait':
      c.advance(o.seconds * 1000);
      break;
  }
  c.settle();
}

describe('cluster invariants under random operations', () => {
  it('hold after every step, converge when quiet, and replay identically', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const run = () => {
          const c = new Cluster({ seed });
          for (const o of ops) {
            apply(c, o);
            checkInvariants(c);
          }
          c.advance(300_000);
          checkInvariants(c);
          checkConverged(c);
          return JSON.stringify(c.store.dump());
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 40 },
    );
  });
});
