import { describe, expect, it } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

const stable = (version: string, image: string, cm: string) => `apiVersion: v1
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
        version: "${version}"
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
        volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
      volumes:
      - name: html
        configMap:
          name: ${cm}
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

describe('canary lesson writes', () => {
  it('stable rollout by apply, then delete -f', async () => {
    const h = kubectlHarness({ files: { 'stable-env.yaml': stable('1.14', 'nginx:1.14', 'stable-html') } });
    expect((await h.kubectl('apply -f stable-env.yaml')).stdout).toBe('configmap/stable-html created\ndeployment.apps/nginx-deployment created\nservice/nginx-service created\n');
    const cm = h.cluster.store.get('ConfigMap', 'default', 'stable-html');
    expect(cm.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"index.html":"\\u003ch1\\u003eHello from Stable v1.14\\u003c/h1\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"stable-html","namespace":"default"}}\n',
    );
    h.advance(30);
    h.fs.writeFile('stable-env.yaml', stable('1.15', 'nginx:1.15', 'canary-html'));
    const r = await h.kubectl('apply -f stable-env.yaml');
    expect(r).toMatchObject({ stdout: 'configmap/stable-html unchanged\ndeployment.apps/nginx-deployment configured\nservice/nginx-service unchanged\n', stderr: '', code: 0 });
    const d = h.cluster.store.get('Deployment', 'default', 'nginx-deployment') as any;
    expect(d.spec.template.metadata.labels.version).toBe('1.15');
    expect(d.spec.template.spec.volumes).toEqual([{ name: 'html', configMap: { name: 'canary-html', defaultMode: 420 } }]);
    h.advance(120);
    const del = await h.kubectl('delete -f stable-env.yaml');
    expect(del).toMatchObject({ stdout: 'configmap "stable-html" deleted\ndeployment.apps "nginx-deployment" deleted\nservice "nginx-service" deleted\n', code: 0 });
  });
});
