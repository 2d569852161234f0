import { beforeAll, describe, expect, test } from 'vitest';
import { kubectlHarness } from '../helpers/kubectl-harness.js';
import { memoryCheckSources, type CheckContext } from '../../src/lesson/check-context.js';
import { evaluateCheck } from '../../src/lesson/evaluate-check.js';
import type { Check } from '../../src/lesson/scenario-types.js';

const deployment = (color: string, image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${color}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web, color: ${color}}
  template:
    metadata:
      labels: {app: web, color: ${color}}
    spec:
      containers:
      - name: nginx
        image: ${image}
${color === 'green' ? MOUNT : ''}`;

/** Green serves its own page from a ConfigMap, as the seed's canary lesson does. */
const MOUNT = `        volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
      volumes:
      - name: html
        configMap:
          name: green-html
`;

const FILES = {
  'blue.yaml': deployment('blue', 'nginx:1.14', 3),
  'green.yaml': deployment('green', 'nginx:1.17', 1),
  'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web, color: blue}
  ports:
  - port: 80
    targetPort: 80
`,
  'both.yaml': `apiVersion: v1
kind: Service
metadata:
  name: both
spec:
  selector: {app: web}
  ports:
  - port: 80
`,
  'green-html.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: green-html\ndata:\n  index.html: "<h1>Hello from green</h1>"\n',
  'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: broken\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 8080\n',
  'notes/patch.yaml': 'spec:\n  selector:\n    color: green\n',
};

let ctx: CheckContext;

beforeAll(async () => {
  const h = kubectlHarness({ seed: 3, files: FILES });
  for (const f of ['green-html.yaml', 'blue.yaml', 'green.yaml', 'svc.yaml', 'both.yaml', 'broken.yaml']) expect((await h.kubectl(`apply -f ${f}`)).code).toBe(0);
  h.advance(60);
  expect((await h.kubectl('set image deployment/web-blue nginx=nginx:1.15')).code).toBe(0);
  h.advance(60);
  ctx = { ...memoryCheckSources(h.cluster), fs: h.fs, commands: ['kubectl apply -f blue.yaml', 'kubectl get pods --show-labels'] };
});

/** [name, check, ok, a fragment of the English reason, a fragment of the Korean reason] */
const CASES: [string, Check, boolean, string, string][] = [
  ['exists: yes', { exists: { kind: 'deploy', name: 'web-blue' } }, true, 'Deployment "web-blue" exists.', '있습니다'],
  ['exists: no', { exists: { kind: 'svc', name: 'nope' } }, false, 'Service "nope" does not exist.', '없습니다'],
  ['exists: other namespace', { exists: { kind: 'Deployment', name: 'web-blue', namespace: 'kube-system' } }, false, 'in namespace "kube-system" does not exist', '네임스페이스 "kube-system"'],
  ['absent: gone', { absent: { kind: 'Deployment', name: 'web-red' } }, true, 'is gone', '삭제'],
  ['absent: still there', { absent: { kind: 'Deployment', name: 'web-green' } }, false, 'still exists; it should be deleted', '남아'],
  ['field equals', { field: { kind: 'Service', name: 'web', path: 'spec.ports[0].targetPort', equals: 80 } }, true, 'spec.ports[0].targetPort of Service "web" is 80', '80'],
  ['field equals: differs', { field: { kind: 'Service', name: 'web', path: 'spec.selector.color', equals: 'green' } }, false, 'spec.selector.color of Service "web" is "blue"; expected "green"', '"green"이어야'],
  ['field equals: a map', { field: { kind: 'Service', name: 'web', path: 'spec.selector', equals: { color: 'blue', app: 'web' } } }, true, 'is {"app":"web","color":"blue"}', ''],
  ['field matches', { field: { kind: 'Deployment', name: 'web-green', path: 'spec.template.spec.containers[0].image', matches: '^nginx:1\\.1[7-9]$' } }, true, '"nginx:1.17"', ''],
  ['field matches: no', { field: { kind: 'Deployment', name: 'web-green', path: 'spec.template.spec.containers[0].image', matches: '1\\.14' } }, false, 'does not match /1\\.14/', '패턴'],
  ['field: bracketed key', { field: { kind: 'Deployment', name: 'web-blue', path: 'metadata.annotations["deployment.kubernetes.io/revision"]', equals: '2' } }, true, '"2"', ''],
  ['field: not set', { field: { kind: 'Service', name: 'web', path: 'spec.ports[3].port', equals: 80 } }, false, 'spec.ports[3].port is not set on Service "web" (expected 80)', '값이 없습니다'],
  ['selector equals', { selector: { service: 'web', equals: { app: 'web', color: 'blue' } } }, true, 'selects app=web,color=blue', ''],
  ['selector differs', { selector: { service: 'web', equals: { color: 'green' } } }, false, 'has the selector app=web,color=blue; expected color=green', 'color=green이어야'],
  ['endpoints: exactly blue', { endpoints: { service: 'web', deployment: 'web-blue' } }, true, 'exactly the 3 ready pods of Deployment "web-blue"', '3개'],
  ['endpoints: not green', { endpoints: { service: 'web', deployment: 'web-green' } }, false, 'also sends traffic to 3 pod(s) that are not ready pods of Deployment "web-green"', '트래픽'],
  ['endpoints: more than blue', { endpoints: { service: 'both', deployment: 'web-blue' } }, false, 'Service "both" also sends traffic to 1 pod(s)', ''],
  ['deployment: all facts', { deployment: { name: 'web-blue', image: 'nginx:1.15', readyReplicas: 3, revision: 2 } }, true, 'runs nginx:1.15, has 3 ready pods, is at revision 2', '리비전 2'],
  ['deployment: image', { deployment: { name: 'web-blue', image: 'nginx:1.14' } }, false, 'runs the image nginx:1.15; expected nginx:1.14', '이미지'],
  ['deployment: ready', { deployment: { name: 'web-green', readyReplicas: 4 } }, false, 'has 1 ready pods; expected 4', '1개'],
  ['deployment: revision', { deployment: { name: 'web-green', revision: 2 } }, false, 'is at revision 1; expected revision 2', '리비전이 1'],
  ['deployment: container', { deployment: { name: 'web-green', container: 'sidecar', image: 'x' } }, false, 'no container named "sidecar"', ''],
  ['traffic: all blue', { traffic: { service: 'web', requests: 40, body: 'Welcome to nginx', share: [1, 1] } }, true, '40 of 40 requests to http://web.default:80/ (100%)', '40개'],
  ['traffic: share too low', { traffic: { service: 'web', requests: 40, body: 'nope', share: [0.5, 1] } }, false, '0 of 40 requests', '50%–100%여야'],
  ['traffic: a share in range', { traffic: { service: 'both', port: 80, requests: 100, body: 'from green', share: [0.1, 0.4] } }, true, 'answered with a body matching /from green/', ''],
  ['traffic: a share out of range', { traffic: { service: 'both', requests: 100, body: 'from green', share: [0.5, 0.6] } }, false, 'expected 50%–60%', '50%–60%여야'],
  ['traffic: refused (targetPort 8080, nginx listens on 80)', { traffic: { service: 'broken', requests: 20, body: 'nginx', share: [0.9, 1] } }, false, '0 of 20 requests to http://broken.default:80/ (0%) answered with a body matching /nginx/; expected 90%–100% (20 × Connection refused).', '실패: 20 × Connection refused'],
  ['traffic: no such service', { traffic: { service: 'gone', body: 'x', share: [0, 1] } }, false, 'Service "gone" does not exist.', ''],
  ['ran: yes', { ran: '^kubectl get pods' }, true, 'You ran: kubectl get pods --show-labels', '실행한 명령'],
  ['ran: no', { ran: 'rollout undo' }, false, 'You have not run a command matching /rollout undo/ yet.', '아직'],
  ['file: contains', { file: { path: 'notes/patch.yaml', contains: 'color: green' } }, true, 'as expected', ''],
  ['file: missing', { file: { path: 'patch-green.yaml' } }, false, 'The file patch-green.yaml does not exist.', '파일이 없습니다'],
  ['file: folder', { file: { path: 'notes' } }, false, 'is a folder', '폴더'],
  ['file: no match', { file: { path: 'notes/patch.yaml', matches: '^\\s+color: blue$' } }, false, 'has no line matching', '줄이 없습니다'],
  ['file: match', { file: { path: '/notes/patch.yaml', matches: '^\\s+color: green$' } }, true, '', ''],
  ['all: one fails', { all: [{ ran: 'apply' }, { ran: 'nope' }] }, false, '/nope/', ''],
  ['all: both hold', { all: [{ ran: 'apply' }, { exists: { kind: 'svc', name: 'web' } }] }, true, 'You ran: kubectl apply -f blue.yaml Service "web" exists.', ''],
  ['any: one holds', { any: [{ ran: 'nope' }, { ran: 'apply' }] }, true, 'You ran: kubectl apply', ''],
  ['any: none', { any: [{ ran: 'nope' }, { ran: 'nada' }] }, false, 'None of these holds: ', '어느 것도'],
  ['not: holds', { not: { exists: { kind: 'svc', name: 'nope' } } }, true, 'does not exist', ''],
  ['not: fails', { not: { exists: { kind: 'svc', name: 'web' } } }, false, 'This should not be so: Service "web" exists.', '아니어야'],
  ['noDowntime without a meter', { noDowntime: true }, false, 'no zero-downtime meter', '측정기'],
];

describe('checks', () => {
  test.each(CASES)('%s', (_name, check, ok, en, ko) => {
    const r = evaluateCheck(check, ctx);
    expect(r.ok, r.reason.en).toBe(ok);
    expect(r.reason.en).toContain(en);
    expect(r.reason.ko).toContain(ko);
    expect(r.reason.ko).not.toBe('');
  });

  test('a traffic check gives the same answer each time and leaves the cluster unchanged', async () => {
    const h = kubectlHarness({ seed: 5, files: FILES });
    for (const f of ['green-html.yaml', 'blue.yaml', 'green.yaml', 'both.yaml']) await h.kubectl(`apply -f ${f}`);
    h.advance(60);
    const c: CheckContext = { ...memoryCheckSources(h.cluster), fs: h.fs, commands: [] };
    const check: Check = { traffic: { service: 'both', requests: 200, body: 'from green', share: [0.15, 0.35] } };
    const rv = h.cluster.store.resourceVersion();
    const now = h.cluster.clock.now();
    const proxyDraw = () => h.cluster.rng.fork('kube-proxy').next();
    const first = evaluateCheck(check, c);
    expect(first.ok, first.reason.en).toBe(true);
    expect(evaluateCheck(check, c)).toEqual(first);
    expect([h.cluster.store.resourceVersion(), h.cluster.clock.now()]).toEqual([rv, now]);
    // The student's kube-proxy stream is untouched: its next draw is the stream's first.
    expect(proxyDraw()).toBe(h.cluster.rng.fork('kube-proxy').next());
  });
});
