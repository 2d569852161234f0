/** The describe fixture cases: a fixture cluster and the `kubectl describe` arguments. */
import { splitWords } from '../../../src/cli/split-words.js';
import type { Pod } from '../../../src/cluster/types.js';
import { blueGreen, nginxRollout } from './lesson-states.js';
import { put, tick } from './scenarios.js';

type Harness = ReturnType<typeof blueGreen>['h'];

/** One case: builds a fresh fixture cluster, and the command to run against it (describe and get cases). */
export interface FixtureCase {
  name: string;
  build(): { h: Harness; cluster: Harness['cluster']; args: string[] };
  code?: number;
}

/** A describe case. */
export type DescribeCase = FixtureCase;

/** A case named `name` running `line` against the cluster `setup` builds. */
export function make(name: string, line: string, setup: () => Harness, code?: number): FixtureCase {
  return {
    name,
    code,
    build() {
      const h = setup();
      return { h, cluster: h.cluster, args: splitWords(line) };
    },
  };
}

/** Blue/green before the switch. */
export const before = () => blueGreen().h;
const afterNotReady = () => {
  const bg = blueGreen();
  bg.patchToGreen(false);
  return bg.h;
};
/** Blue/green after switching to ready green pods. */
export const after = () => {
  const bg = blueGreen();
  bg.patchToGreen(true);
  return bg.h;
};
/** The nginx rollout half way. */
export const mid = () => nginxRollout('mid').h;
/** The nginx rollout complete. */
export const complete = () => nginxRollout('complete').h;

/** The ContainerCreating pod's image pull failing twice, 5 s apart (one folded Event, count 2). */
const pullFailing = () => {
  const { h, newPods } = nginxRollout('mid');
  const p = newPods[1];
  const fail = () =>
    h.cluster.events.record(p, 'Warning', 'Failed', 'Failed to pull image "nginx:1.15": rpc error: code = Unknown desc = failed to pull and unpack image', 'kubelet', { host: p.spec.nodeName, fieldPath: 'spec.containers{nginx}' });
  fail();
  tick(h.cluster, 5);
  fail();
  tick(h.cluster, 3);
  return h;
};

/** A Burstable pod with requests and limits on kubelab-worker2, for the node's allocated resources. */
const withRequests = () => {
  const h = mid();
  put<Pod>(h.cluster, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'sized', namespace: 'default' },
    spec: { nodeName: 'kubelab-worker2', containers: [{ name: 'app', image: 'nginx:1.15', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '0.5Gi' } } }] },
  }, (p) => {
    p.status = { phase: 'Pending', qosClass: 'Burstable' };
  });
  tick(h.cluster, 4);
  return h;
};

/** Every recorded case. */
export const DESCRIBE_CASES: DescribeCase[] = [
  make('service-before-patch', 'describe service test-service', before),
  make('service-after-patch-not-ready', 'describe service test-service', afterNotReady),
  make('service-after-patch', 'describe service test-service', after),
  make('deployment-mid-rollout', 'describe deployment nginx-deployment', mid),
  make('deployment-complete', 'describe deploy/nginx-deployment', complete),
  make('pod-running', 'describe pod nginx-deployment-5b8d6f9c4d-x7dgk', mid),
  make('pod-container-creating', 'describe pod nginx-deployment-5b8d6f9c4d-c4vfz', mid),
  make('pods-by-prefix', 'describe pods nginx-deployment-5b8d6f9c4d', mid),
  make('pods-by-label', 'describe pods -l pod-template-hash=5b8d6f9c4d', mid),
  make('configmap-stable-html', 'describe configmap stable-html', mid),
  make('replicaset-new', 'describe rs nginx-deployment-5b8d6f9c4d', mid),
  make('endpointslice', 'describe endpointslice test-service-7xq2d', after),
  make('namespace-default', 'describe ns default', mid),
  make('node-worker', 'describe node kubelab-worker', mid),
  make('services-all-namespaces', 'describe svc -A', before),
  make('not-found', 'describe deployment nope', mid, 1),
  make('not-found-two', 'describe pod nope nada', mid, 1),
  make('no-resources', 'describe pods -n kube-public', mid),
  make('services-in-namespace', 'describe svc', before),
  make('pod-repeated-events', 'describe pod nginx-deployment-5b8d6f9c4d-c4vfz', pullFailing),
  make('pod-with-resources', 'describe pod sized', withRequests),
  make('node-with-requests', 'describe node kubelab-worker2', withRequests),
  make('deployments-two-kinds', 'describe deploy,rs -l color=green', () => blueGreen().h),
  make('unknown-type', 'describe foo', mid, 1),
];
