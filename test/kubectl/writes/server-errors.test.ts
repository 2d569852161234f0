/** Failures that need the (simulated) server: exact kubectl text, exit 1, store unchanged. */
import { describe, expect, it } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: stable-html
data:
  index.html: "<h1>Hello</h1>"
`;
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: test-service
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: test-pod
`;
const FOO = `apiVersion: v1
kind: Foo
metadata:
  name: x
`;
const OTHER_NS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: other-cm
  namespace: other
`;

async function setup() {
  const h = kubectlHarness({ files: { 'cm.yaml': CM, 'svc.yaml': SVC, 'foo.yaml': FOO, 'other.yaml': OTHER_NS, 'dir/a.yaml': CM, 'dir/sub/b.yaml': SVC, 'dir/notes.txt': 'x', 'bool-name.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n' } });
  expect((await h.kubectl('apply -f cm.yaml -f svc.yaml')).code).toBe(0);
  return h;
}

const CASES: [string, string][] = [
  ['create -f cm.yaml', 'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "stable-html" already exists\n'],
  ['create configmap stable-html --from-literal=a=b', 'error: failed to create configmap: configmaps "stable-html" already exists\n'],
  ['delete deployment nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ['delete svc nope1 nope2', 'Error from server (NotFound): services "nope1" not found\nError from server (NotFound): services "nope2" not found\n'],
  ['patch service nope -p \'{"spec":{}}\'', 'Error from server (NotFound): services "nope" not found\n'],
  ['patch service test-service --type json -p \'[{"op":"remove","path":"/spec/nope"}]\'', 'The request is invalid: the server rejected our request due to an error in our request\n'],
  ['patch service test-service --type json -p \'{"op":"add"}\'', 'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n'],
  ['patch service test-service -p \'{"spec":{"ports":[{"$patch":"delete"}]}}\'', 'Error from server: map: map[$patch:delete] does not contain declared merge key: port\n'],
  ['patch service test-service -p [1]', 'Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n'],
  ['apply -f foo.yaml', 'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n'],
  ['apply -f other.yaml -n default', 'error: the namespace from the provided object "other" does not match the namespace "default". You must pass \'--namespace=other\' to perform this operation.\n'],
  ['apply -f other.yaml', 'Error from server (NotFound): error when creating "other.yaml": namespaces "other" not found\n'],
  ['apply -f cm.yaml -f nope.yaml', 'error: the path "nope.yaml" does not exist\n'],
  ['apply -f nope1.yaml -f nope2.yaml', 'the path "nope1.yaml" does not exist\nthe path "nope2.yaml" does not exist\n'],
  ['apply -f https://example.com/x.yaml', 'error: kubelab runs offline and cannot download "https://example.com/x.yaml"; save the manifest in the workspace and use -f <file>\n'],
  ['apply -f cm.yaml --dry-run=bogus', 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'],
  ['apply -f cm.yaml --validate=maybe', 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)\n'],
  ['patch service test-service -p \'{"spec":{"selector":{"app":"x",}}}\'', "Error from server (BadRequest): invalid character '}' looking for beginning of object key string\n"],
  ['apply -f bool-name.yaml', 'error: unable to decode "bool-name.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n'],
  ['delete deployment', 'error: resource(s) were provided, but no name was specified\n'],
  ['create -f dir', 'Error from server (AlreadyExists): error when creating "dir/a.yaml": configmaps "stable-html" already exists\n'],
];

describe('server-side failures', () => {
  it.each(CASES)('kubectl %s', async (cmd, stderr) => {
    const h = await setup();
    const before = JSON.stringify(h.cluster.store.dump());
    const r = await h.kubectl(cmd);
    expect(r).toMatchObject({ stdout: '', stderr, code: 1 });
    expect(JSON.stringify(h.cluster.store.dump())).toBe(before);
  });
});

describe('writes that succeed', () => {
  it('-f a folder reads .yaml files only, -R descends', async () => {
    const h = kubectlHarness({ files: { 'dir/a.yaml': CM, 'dir/sub/b.yaml': SVC, 'dir/notes.txt': 'x' } });
    expect((await h.kubectl('apply -f dir')).stdout).toBe('configmap/stable-html created\n');
    expect((await h.kubectl('apply -R -f dir')).stdout).toBe('configmap/stable-html unchanged\nservice/test-service created\n');
  });
  it('stdin, dry runs and -o name', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('apply -f - --dry-run=client', CM)).stdout).toBe('configmap/stable-html created (dry run)\n');
    expect((await h.kubectl('apply -f - --dry-run=server', CM)).stdout).toBe('configmap/stable-html created (server dry run)\n');
    expect(h.cluster.store.find('ConfigMap', 'default', 'stable-html')).toBeUndefined();
    expect((await h.kubectl('create -f - -o name', CM)).stdout).toBe('configmap/stable-html\n');
    expect((await h.kubectl('delete cm stable-html --dry-run=client')).stdout).toBe('configmap "stable-html" deleted (dry run)\n');
  });
  it('create deployment for real, then delete with -l and --all', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('create deployment web --image=nginx:1.14')).stdout).toBe('deployment.apps/web created\n');
    expect((await h.kubectl('create deployment api --image=nginx:1.14')).stdout).toBe('deployment.apps/api created\n');
    expect((await h.kubectl('delete deploy -l app=web')).stdout).toBe('deployment.apps "web" deleted\n');
    expect((await h.kubectl('delete deploy -l app=none')).stdout).toBe('No resources found\n');
    expect((await h.kubectl('delete deploy --all')).stdout).toBe('deployment.apps "api" deleted\n');
  });
  it('delete waits for a pod to finish its grace period; --force warns and removes at once', async () => {
    const h = kubectlHarness();
    await h.kubectl('create deployment web --image=nginx:1.14 --replicas=2');
    h.advance(60);
    const pods = h.cluster.store.list('Pod', 'default');
    expect(pods.length).toBe(2);
    const t0 = h.cluster.clock.now();
    const r = await h.kubectl(`delete pod ${pods[0].metadata.name}`);
    expect(r.stdout).toBe(`pod "${pods[0].metadata.name}" deleted\n`);
    expect(h.cluster.store.find('Pod', 'default', pods[0].metadata.name!)?.metadata.uid).not.toBe(pods[0].metadata.uid);
    expect(h.cluster.clock.now()).toBeGreaterThan(t0);
    const f = await h.kubectl(`delete pod ${pods[1].metadata.name} --force`);
    expect(f.stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(f.stdout).toBe(`pod "${pods[1].metadata.name}" force deleted\n`);
  });
  it('create generators with the real kubectl shape', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('create service clusterip nginx-service --tcp=80:8080')).stdout).toBe('service/nginx-service created\n');
    expect((await h.kubectl('create namespace lab')).stdout).toBe('namespace/lab created\n');
    expect((await h.kubectl('create configmap c --from-literal=a=b -n lab')).stdout).toBe('configmap/c created\n');
    expect(h.cluster.store.get('ConfigMap', 'lab', 'c')).toMatchObject({ data: { a: 'b' } });
  });
});
