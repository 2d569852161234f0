/**
 * Huge but valid input degrades instead of exhausting memory (issue 8): kubelab's cluster
 * holds at most ApiServer.maxPods pods (DEFAULT_MAX_PODS). A Deployment asking for a million
 * replicas gets that many pods and no more, the controllers settle, and a pod created past
 * the capacity is refused as a `pods` ResourceQuota refuses it.
 */
import { expect, it } from 'vitest';
import { DEFAULT_MAX_PODS } from '../../src/cluster/api-server.js';
import { ApiError } from '../../src/cluster/errors.js';
import { kubectlHarness } from '../helpers/kubectl-harness.js';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: huge
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: huge
  template:
    metadata:
      labels:
        app: huge
    spec:
      containers:
      - name: nginx
        image: nginx:1.14
`;

it('stops at the capacity when a Deployment asks for a million replicas', async () => {
  const h = kubectlHarness({ files: { 'd.yaml': deployment('1e6') } });
  expect((await h.kubectl('apply -f d.yaml')).stdout).toBe('deployment.apps/huge created\n');
  h.cluster.advance(10_000);
  expect(h.cluster.store.view('Pod').length).toBe(DEFAULT_MAX_PODS);
  const r = await h.kubectl('get deploy huge --no-headers');
  expect(r.stdout).toMatch(/^huge\s+\d+\/1000000\s+5000\s+/);
  let refused: unknown;
  try {
    h.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'one-more', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  } catch (e) {
    refused = e;
  }
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).message).toBe(`pods "one-more" is forbidden: exceeded quota: kubelab-capacity, requested: pods=1, used: pods=${DEFAULT_MAX_PODS}, limited: pods=${DEFAULT_MAX_PODS}`);
}, 60_000);
