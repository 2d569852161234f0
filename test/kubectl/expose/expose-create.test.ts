/** `kubectl expose` without --dry-run=client: the Service is created, gets endpoints, and the errors of a second create. */
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/cluster/types.js';
import { exposeHarness } from './expose-cases.js';

describe('expose creates the service', () => {
  test('deployment: service/x exposed, ClusterIP allocated, endpoints of the ready pods', async () => {
    const h = exposeHarness();
    const r = await h.kubectl('expose deployment nginx-deployment --name=web --port=8080 --target-port=80');
    expect(r).toMatchObject({ stdout: 'service/web exposed\n', stderr: '', code: 0 });
    const svc = h.cluster.store.get<KubeObject & { spec: Record<string, unknown> }>('Service', 'default', 'web');
    expect(svc.spec.selector).toEqual({ app: 'nginx' });
    expect(svc.spec.ports).toEqual([expect.objectContaining({ port: 8080, targetPort: 80, protocol: 'TCP' })]);
    expect(svc.spec.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    h.cluster.runUntilIdle(10_000);
    const ep = h.cluster.store.get<KubeObject & { subsets?: { addresses?: unknown[] }[] }>('Endpoints', 'default', 'web');
    expect(ep.subsets?.[0].addresses).toHaveLength(4);
  });

  test('a second expose is AlreadyExists from the server', async () => {
    const h = exposeHarness();
    await h.kubectl('expose pod noports --port=80 --name=m');
    const r = await h.kubectl('expose pod noports --port=80 --name=m');
    expect(r).toMatchObject({ stdout: '', stderr: 'Error from server (AlreadyExists): services "m" already exists\n', code: 1 });
  });

  test('--dry-run=server prints the suffix and stores nothing; -o name prints the name', async () => {
    const h = exposeHarness();
    expect((await h.kubectl('expose deploy nginx-deployment --name=s --dry-run=server')).stdout).toBe('service/s exposed (server dry run)\n');
    expect(h.cluster.store.find('Service', 'default', 's')).toBeUndefined();
    expect((await h.kubectl('expose deploy nginx-deployment --name=n -o name')).stdout).toBe('service/n\n');
  });

  test('-n puts the service in that namespace; --save-config keeps last-applied', async () => {
    const h = exposeHarness();
    await h.kubectl('create namespace other');
    await h.kubectl('expose -f /tmp/kubelab-expose-fixture/web.yaml -n other --port=80 --save-config');
    const svc = h.cluster.store.get('Service', 'other', 'web');
    expect(svc.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(Object.keys(svc.metadata.annotations ?? {})).toEqual(['kubectl.kubernetes.io/last-applied-configuration']);
  });

  test('errors are printed after the services that worked, one per line, exit 1', async () => {
    const h = exposeHarness();
    // multi has two container ports 80/TCP: kubectl names both `port-1-tcp` and the server refuses the duplicate.
    const r = await h.kubectl('expose pod nope noports multi --port=80');
    expect(r.stdout).toBe('service/noports exposed\n');
    expect(r.stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n' +
        'Error from server (Invalid): Service "multi" is invalid: [spec.ports[1].name: Duplicate value: "port-1-tcp", spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}]\n',
    );
    expect(r.code).toBe(1);
  });

  test('what kubelab does not simulate is said plainly', async () => {
    const h = exposeHarness();
    expect((await h.kubectl(`expose pod multi --overrides={}`)).stderr).toBe('error: kubelab does not simulate "kubectl expose --overrides" yet\n');
    expect((await h.kubectl('expose pod multi -o jsonpath={.spec}')).stderr).toBe('error: kubelab does not simulate "-o jsonpath" yet; use -o yaml, -o json or -o name\n');
  });
});
