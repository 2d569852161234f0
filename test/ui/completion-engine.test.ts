/**
 * The Tab completion engine over a real cluster (objects made by kubectl) and a memory
 * workspace: what one Tab makes of a line, and which candidates a second Tab would list.
 * Expectations follow `kubectl __complete` (recorded against `kubelab serve`), narrowed to the
 * kinds kubelab serves and with plural type names (see docs/decisions/0009-tab-completion.md).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { workstationCommandSet } from '../../src/shell/workstation.js';
import { applyCompletion, completeLine } from '../../src/ui/completion/complete-line.js';
import type { CompletionContext } from '../../src/ui/completion/completion-types.js';
import { kubectlHarness } from '../helpers/kubectl-harness.js';

const DEPLOYMENT = (name: string, app: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

const h = kubectlHarness({
  files: {
    'web.yaml': DEPLOYMENT('web', 'web', 2),
    'canary.yaml': DEPLOYMENT('web-canary', 'web-canary', 1),
    'patch-green.yaml': 'spec: {}\n',
    'notes.txt': 'x\n',
    'manifests/blue.yaml': DEPLOYMENT('blue', 'blue', 1),
    'manifests/green.yaml': DEPLOYMENT('green', 'green', 1),
    '.hidden': '',
  },
});
const ctx: CompletionContext = { commandNames: workstationCommandSet().names(), fs: h.fs, store: h.cluster.store, namespace: 'default' };

beforeAll(async () => {
  for (const line of ['apply -f web.yaml', 'apply -f canary.yaml', 'expose deployment web --port 80', 'create namespace other', 'apply -f manifests/blue.yaml -n other']) {
    expect((await h.kubectl(line)).code).toBe(0);
  }
  h.advance(30);
});

/** The line after one Tab at its end. */
function tab(line: string): string {
  return applyCompletion(line, line.length, completeLine(line, line.length, ctx)).text;
}

/** The candidates a second Tab lists (as their full words), sorted. */
function candidates(line: string): string[] {
  return completeLine(line, line.length, ctx).candidates.map((c) => c.text).sort();
}

describe('commands and kubectl words', () => {
  test.each([
    ['kubectl get dep', 'kubectl get deployments '],
    ['kub', 'kubectl '],
    ['kubectl roll', 'kubectl rollout '],
    ['kubectl rollout st', 'kubectl rollout status '],
    ['kubectl rollout status deployment/web-c', 'kubectl rollout status deployment/web-canary '],
    ['kubectl get deployments web-c', 'kubectl get deployments web-canary '],
    ['kubectl get svc ku', 'kubectl get svc kubernetes '],
    ['kubectl scale dep', 'kubectl scale deployment '],
    ['kubectl get -n oth', 'kubectl get -n other '],
    ['kubectl get --namespace=oth', 'kubectl get --namespace=other '],
    ['kubectl -n other get deploy b', 'kubectl -n other get deploy blue '],
    ['kubectl get deploy --all-n', 'kubectl get deploy --all-namespaces '],
    ['kubectl get pods -o ya', 'kubectl get pods -o yaml '],
    ['kubectl get pods -o=js', 'kubectl get pods -o=json'],
    ['kubectl get pods --output=ya', 'kubectl get pods --output=yaml '],
    ['kubectl apply -f ca', 'kubectl apply -f canary.yaml '],
    ['kubectl apply -f man', 'kubectl apply -f manifests/'],
    ['kubectl apply -f manifests/b', 'kubectl apply -f manifests/blue.yaml '],
    ['kubectl patch service web --patch-file pa', 'kubectl patch service web --patch-file patch-green.yaml '],
    ['kubectl logs deploy', 'kubectl logs deployments/'],
    ['kubectl set im', 'kubectl set image '],
    ['kubectl wait -f we', 'kubectl wait -f web.yaml '],
    ['kubectl run tmp --image=busybox -- cat no', 'kubectl run tmp --image=busybox -- cat notes.txt '],
    ['kubectl describe deployment/web ', 'kubectl describe deployment/web '],
    ['kubectl get deploy/', 'kubectl get deploy/web'],
  ])('%j → %j', (line, after) => {
    expect(tab(line)).toBe(after);
  });

  test('verbs, subverbs and types as kubectl lists them (served kinds only)', () => {
    expect(candidates('kubectl ')).toEqual(['annotate', 'api-resources', 'apply', 'create', 'delete', 'describe', 'exec', 'explain', 'expose', 'get', 'label', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'version', 'wait']);
    expect(candidates('kubectl rollout ')).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(candidates('kubectl get ')).toEqual(['configmaps', 'deployments', 'endpoints', 'endpointslices', 'events', 'namespaces', 'nodes', 'pods', 'replicasets', 'services']);
    expect(candidates('kubectl expose ')).toEqual(['deployment', 'pod', 'replicaset', 'service']);
    expect(candidates('kubectl get -n ')).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'other']);
  });

  test('names of the namespace, without those already given; -n honoured', () => {
    expect(candidates('kubectl get deployments ')).toEqual(['web', 'web-canary']);
    expect(candidates('kubectl delete deployment web ')).toEqual(['web-canary']);
    expect(candidates('kubectl get deploy -n other ')).toEqual(['blue']);
    expect(candidates('kubectl get deploy,svc ')).toEqual(['kubernetes', 'web', 'web-canary']);
    expect(candidates('kubectl rollout undo deployment/')).toEqual(['deployment/web', 'deployment/web-canary']);
    expect(candidates('kubectl describe deployment/web ')).toContain('services/');
  });

  test('logs and exec: pods and TYPE/ first, then the pod\'s containers for logs', () => {
    const pods = h.cluster.store.view('Pod', 'default').map((p) => p.metadata.name!);
    expect(pods).toHaveLength(3);
    expect(candidates('kubectl logs ')).toEqual([...pods, 'deployments/', 'pods/', 'replicasets/'].sort());
    expect(candidates(`kubectl logs ${pods[0]} `)).toEqual(['nginx']);
    expect(candidates(`kubectl exec ${pods[0]} `)).toEqual([]);
    expect(tab('kubectl exec -it web-canary')).toMatch(/^kubectl exec -it web-canary-[a-z0-9]+-[a-z0-9]{5} $/);
  });

  test('flags come from the verb\'s declarations: -- long names, - both forms, set ones left out', () => {
    const long = candidates('kubectl rollout status --');
    expect(long).toContain('--timeout');
    expect(long).toContain('--namespace');
    expect(long).not.toContain('--replicas');
    expect(long.every((f) => f.startsWith('--'))).toBe(true);
    expect(candidates('kubectl scale -')).toEqual(expect.arrayContaining(['-n', '--replicas', '-f', '--filename']));
    expect(candidates('kubectl get -o wide --out')).toEqual(['--output-watch-events']);
    expect(candidates('kubectl get -f a.yaml --filen')).toEqual(['--filename']);
  });

  test('-f proposes manifests and folders only; other value flags any file, as bash\'s default', () => {
    expect(candidates('kubectl apply -f ')).toEqual(['canary.yaml', 'manifests/', 'patch-green.yaml', 'web.yaml']);
    expect(candidates('kubectl patch svc web --patch-file ')).toEqual(['.hidden', 'canary.yaml', 'manifests/', 'notes.txt', 'patch-green.yaml', 'web.yaml']);
  });
});

describe('files and the shell line', () => {
  test.each([
    ['cat no', 'cat notes.txt '],
    ['vi manifests/g', 'vi manifests/green.yaml '],
    ['cd m', 'cd manifests/'],
    ['kubectl get pods > no', 'kubectl get pods > notes.txt '],
    ['kubectl get pods | gr', 'kubectl get pods | grep '],
    ['echo hi && kub', 'echo hi && kubectl '],
    ['grep nginx we', 'grep nginx web.yaml '],
    ['cat .hi', 'cat .hidden '],
  ])('%j → %j', (line, after) => {
    expect(tab(line)).toBe(after);
  });

  test('ambiguous words grow to the common prefix, then stop', () => {
    expect(tab('cat manifests/')).toBe('cat manifests/');
    expect(candidates('cat manifests/')).toEqual(['manifests/blue.yaml', 'manifests/green.yaml']);
    expect(tab('kubectl get deployments w')).toBe('kubectl get deployments web');
    expect(tab('kubectl get deployments web')).toBe('kubectl get deployments web');
    // readline's match-hidden-files is on by default: dotfiles are listed too.
    expect(candidates('cat ')).toContain('.hidden');
  });

  test('quoted words, $VAR and unknown things complete to nothing and do not throw', () => {
    for (const line of ['cat "no', "cat 'man", 'echo $HO', 'cat `ls', 'kubectl bogus ', 'kubectl get nosuchtype ', 'kubectl get nosuchtype/', 'kubectl get deploy/web/', 'cat nothere/', 'kubectl edit ', 'cat no\\']) {
      expect(() => tab(line)).not.toThrow();
      expect(tab(line)).toBe(line);
    }
  });

  test('completes the word before the cursor and keeps the rest of the line', () => {
    const line = 'kubectl get dep -o wide';
    const done = applyCompletion(line, 15, completeLine(line, 15, ctx));
    expect(done).toEqual({ text: 'kubectl get deployments  -o wide', cursor: 24, changed: true });
  });

  test('inside a pod: the pod shell\'s commands, no kubectl', () => {
    const pod: CompletionContext = { ...ctx, commandNames: ['cat', 'ls', 'wget'] };
    expect(completeLine('kub', 3, pod).candidates).toEqual([]);
    expect(completeLine('wg', 2, pod).candidates.map((c) => c.text)).toEqual(['wget']);
    expect(completeLine('kubectl get dep', 15, pod).candidates.map((c) => c.text)).toEqual([]);
  });
});
