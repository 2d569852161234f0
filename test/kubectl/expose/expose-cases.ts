/**
 * The expose cases recorded from the real kubectl v1.32.4 (record-real-kubectl.test.ts) and
 * replayed against kubelab (real-kubectl-fixtures.test.ts), on one fixture cluster: the seed
 * lesson's stable environment plus objects for the error paths.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../src/cluster/types.js';
import { lessonHarness } from '../verbs/verb-helpers.js';

const EXTRA = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: expr, labels: {team: a}}
spec:
  replicas: 1
  selector:
    matchLabels: {app: expr}
    matchExpressions: [{key: tier, operator: In, values: [web, api]}]
  template:
    metadata: {labels: {app: expr, tier: web}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: multi, labels: {app: multi, tier: be}}
spec:
  containers:
  - name: a
    image: nginx
    ports: [{containerPort: 80, name: http}, {containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]
  - name: b
    image: nginx
    ports: [{containerPort: 8080}, {containerPort: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: noports, labels: {app: noports}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs1, labels: {app: rs1}}
spec:
  replicas: 1
  selector: {matchLabels: {app: rs1}}
  template:
    metadata: {labels: {app: rs1}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8443, protocol: TCP}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: external}
spec: {ports: [{port: 443, protocol: TCP}]}
---
apiVersion: v1
kind: Pod
metadata: {name: a-very-long-pod-name-that-goes-beyond-the-sixty-three-character-limit, labels: {app: long}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
`;

/** The manifest `-f` cases read (an absolute path: the real kubectl runs in the test's working directory). */
export const FILE = '/tmp/kubelab-expose-fixture/web.yaml';

/** Its content: a Deployment that is not on the server (expose reads it from the file). */
export const FILE_TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8000}]}]}
`;

/** A harness whose cluster holds the stable environment and the extra objects, settled. */
export function exposeHarness() {
  const h = lessonHarness(['stable-env.yaml']);
  h.fs.mkdir('/tmp/kubelab-expose-fixture', true);
  h.fs.writeFile(FILE, FILE_TEXT);
  for (const d of parseAllDocuments(EXTRA)) h.cluster.api.create(d.toJS() as KubeObject);
  h.cluster.runUntilIdle(120_000);
  return h;
}

/** Fixture name → kubectl arguments (all need only GETs from the server). */
export const EXPOSE_CASES: Record<string, string> = {
  'deploy-yaml': 'expose deployment nginx-deployment --port=80 --dry-run=client -o yaml',
  'deploy-introspect-yaml': 'expose deploy/nginx-deployment --name=web --target-port=8080 --dry-run=client -o yaml',
  'deploy-json': 'expose deployment nginx-deployment --name=web --type=NodePort --dry-run=client -o json',
  'deploy-name': 'expose deployment nginx-deployment --name=web --dry-run=client',
  'deploy-name-o-name': 'expose deployment nginx-deployment --name=web --dry-run=client -o name',
  'deploy-ns-yaml': 'expose deployment nginx-deployment -n default --name=web --dry-run=client -o yaml',
  'deploy-all-flags-yaml':
    'expose deployment nginx-deployment --name=lb --port=8080 --target-port=http --protocol=UDP --type=LoadBalancer --load-balancer-ip=10.0.0.9 --external-ip=1.2.3.4 --session-affinity=ClientIP --cluster-ip=10.96.0.50 --labels=a=b,c=d --selector=app=nginx,version=1.14 --dry-run=client -o yaml',
  'svc-yaml': 'expose service nginx-service --name=nginx-2 --port=8080 --target-port=80 --dry-run=client -o yaml',
  'rs-yaml': 'expose rs rs1 --dry-run=client -o yaml',
  'all-flags-json':
    'expose deployment nginx-deployment --name=lb --port=8080 --target-port=http --protocol=UDP --type=LoadBalancer --load-balancer-ip=10.0.0.9 --external-ip=1.2.3.4 --session-affinity=ClientIP --cluster-ip=10.96.0.50 --labels=a=b --dry-run=client -o json',
  'file-yaml': `expose -f ${FILE} --port=8080 --dry-run=client -o yaml`,
  'file-name': `expose -f ${FILE} --dry-run=client`,
  'two-objects-yaml': 'expose pod multi noports --dry-run=client -o yaml',
  'err-two-missing-one-found': 'expose pod nope multi --dry-run=client -o name',
  'pod-multi-yaml': 'expose pod multi --dry-run=client -o yaml',
  'pod-multi-protocol-yaml': 'expose pod multi --protocol=SCTP --dry-run=client -o yaml',
  'pod-long-name-yaml': 'expose pod a-very-long-pod-name-that-goes-beyond-the-sixty-three-character-limit --dry-run=client -o yaml',
  'headless-no-ports-yaml': 'expose pod noports --cluster-ip=None --dry-run=client -o yaml',
  'err-no-args': 'expose',
  'err-type-only': 'expose deployment',
  'err-not-found': 'expose deployment nope --port=80',
  'err-unknown-type': 'expose foo bar',
  'err-configmap': 'expose configmap stable-html --port=80',
  'err-match-expressions': 'expose deployment expr --port=80',
  'err-pod-no-labels': 'expose pod bare',
  'err-svc-no-selector': 'expose service external',
  'err-no-ports': 'expose pod noports',
  'err-session-affinity': 'expose deployment nginx-deployment --name=w --session-affinity=Sticky --dry-run=client',
  'err-bad-port': 'expose deployment nginx-deployment --name=w --port=http --dry-run=client',
  'err-bad-labels': 'expose deployment nginx-deployment --name=w --labels=a --dry-run=client',
  'err-bad-selector': 'expose deployment nginx-deployment --name=w --selector=app!=x --dry-run=client',
  'err-dry-run': 'expose deployment nginx-deployment --dry-run=maybe',
  'err-output': 'expose deployment nginx-deployment --dry-run=client -o wide',
  'err-two-missing': 'expose deployment nope1 nope2 --port=80 --dry-run=client',
  'err-mixed': 'expose deployment nginx-deployment nope --name=w --dry-run=client',
};
