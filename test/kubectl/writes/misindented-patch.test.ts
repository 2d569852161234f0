import { expect, it } from 'vitest';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

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
    color: blue
`;

it('a misindented patch file drops the selector and the server warns about spec.color (notes §9)', async () => {
  const h = kubectlHarness({ files: { 'svc.yaml': SVC, 'patch-green.yaml': 'spec:\n  selector:\n  color: green\n' } });
  await h.kubectl('apply -f svc.yaml');
  const r = await h.kubectl('patch service test-service --patch-file patch-green.yaml');
  expect(r).toMatchObject({ stdout: 'service/test-service patched\n', stderr: 'Warning: unknown field "spec.color"\n', code: 0 });
  expect((h.cluster.store.get('Service', 'default', 'test-service').spec as any).selector).toBeUndefined();
});
