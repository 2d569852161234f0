import { describe, expect, it } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

const BLUE = `# blue-env.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: test-deployment-blue
spec:
  replicas: 4
  selector:
    matchLabels:
      app: test-pod
      color: blue
  template:
    metadata:
      labels:
        app: test-pod
        color: blue
    spec:
      containers:
      - name: test-pod
        image: nginx:1.14
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: test-service
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: test-pod
    color: blue # <-- here
`;

const PATCH_GREEN = `spec:
  selector:
    color: green # switch
`;

const STABLE_UNQUOTED = `apiVersion: v1
kind: ConfigMap
metadata:
  name: stable-html
data:
  index.html: "<h1>Hello from Stable v1.14</h1>"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 4
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
        version: 1.14
    spec:
      containers:
      - name: nginx
        image: nginx:1.14
---
apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`;

describe('seed lessons through kubectl', () => {
  it('blue/green: apply, patch the selector, delete', async () => {
    const h = kubectlHarness({ files: { 'blue-env.yaml': BLUE, 'patch-green.yaml': PATCH_GREEN } });
    const a = await h.kubectl('kubectl apply -f blue-env.yaml');
    expect(a).toMatchObject({ stdout: 'deployment.apps/test-deployment-blue created\nservice/test-service created\n', stderr: '', code: 0 });
    const p = await h.kubectl('kubectl patch service test-service --patch-file patch-green.yaml');
    expect(p).toMatchObject({ stdout: 'service/test-service patched\n', stderr: '', code: 0 });
    expect(h.cluster.store.get('Service', 'default', 'test-service').spec).toMatchObject({ selector: { app: 'test-pod', color: 'green' } });
    const again = await h.kubectl('kubectl patch service test-service --patch-file patch-green.yaml');
    expect(again.stdout).toBe('service/test-service patched (no change)\n');
    const d = await h.kubectl('kubectl delete deployment test-deployment-blue');
    expect(d).toMatchObject({ stdout: 'deployment.apps "test-deployment-blue" deleted\n', code: 0 });
    expect(h.cluster.store.find('Deployment', 'default', 'test-deployment-blue')).toBeUndefined();
    expect((await h.kubectl('kubectl delete service test-service')).stdout).toBe('service "test-service" deleted\n');
  });

  it('apply writes last-applied-configuration exactly as kubectl does', async () => {
    const h = kubectlHarness({ files: { 'blue-env.yaml': BLUE } });
    await h.kubectl('apply -f blue-env.yaml');
    const svc = h.cluster.store.get('Service', 'default', 'test-service');
    expect(svc.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"test-service","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"test-pod","color":"blue"}}}\n',
    );
  });

  it('re-applying after a patch reverts the patch; unchanged otherwise', async () => {
    const h = kubectlHarness({ files: { 'blue-env.yaml': BLUE, 'patch-green.yaml': PATCH_GREEN } });
    await h.kubectl('apply -f blue-env.yaml');
    expect((await h.kubectl('apply -f blue-env.yaml')).stdout).toBe('deployment.apps/test-deployment-blue unchanged\nservice/test-service unchanged\n');
    await h.kubectl('patch service test-service --patch-file patch-green.yaml');
    const r = await h.kubectl('apply -f blue-env.yaml');
    expect(r.stdout).toBe('deployment.apps/test-deployment-blue unchanged\nservice/test-service configured\n');
    expect(h.cluster.store.get('Service', 'default', 'test-service').spec).toMatchObject({ selector: { app: 'test-pod', color: 'blue' } });
  });

  it('apply: configured after an edit, with the new image', async () => {
    const h = kubectlHarness({ files: { 'blue-env.yaml': BLUE } });
    await h.kubectl('apply -f blue-env.yaml');
    h.fs.writeFile('blue-env.yaml', BLUE.replace('nginx:1.14', 'nginx:1.15').replace('replicas: 4', 'replicas: 2'));
    const r = await h.kubectl('apply -f blue-env.yaml');
    expect(r.stdout).toBe('deployment.apps/test-deployment-blue configured\nservice/test-service unchanged\n');
    const d = h.cluster.store.get('Deployment', 'default', 'test-deployment-blue') as any;
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.15');
  });

  it('unquoted version: 1.14 fails only the Deployment', async () => {
    const h = kubectlHarness({ files: { 'stable-env.yaml': STABLE_UNQUOTED } });
    const r = await h.kubectl('apply -f stable-env.yaml');
    expect(r.stdout).toBe('configmap/stable-html created\nservice/nginx-service created\n');
    expect(r.stderr).toMatch(/^Error from server \(BadRequest\): error when creating "stable-env.yaml": Deployment in version "v1" cannot be handled as a Deployment: /);
    expect(r.code).toBe(1);
    expect(h.cluster.store.find('Deployment', 'default', 'nginx-deployment')).toBeUndefined();
    expect(h.cluster.store.find('ConfigMap', 'default', 'stable-html')).toBeDefined();
  });

  it('delete -f removes everything in the file; NotFound names the file', async () => {
    const h = kubectlHarness({ files: { 'blue-env.yaml': BLUE } });
    await h.kubectl('apply -f blue-env.yaml');
    const r = await h.kubectl('delete -f blue-env.yaml');
    expect(r).toMatchObject({ stdout: 'deployment.apps "test-deployment-blue" deleted\nservice "test-service" deleted\n', code: 0 });
    const again = await h.kubectl('delete -f blue-env.yaml');
    expect(again.stderr).toBe(
      'Error from server (NotFound): error when deleting "blue-env.yaml": deployments.apps "test-deployment-blue" not found\nError from server (NotFound): error when deleting "blue-env.yaml": services "test-service" not found\n',
    );
    expect(again.code).toBe(1);
    expect((await h.kubectl('delete -f blue-env.yaml --ignore-not-found')).output).toBe('');
  });
});
