/**
 * Tab over a cluster at kubelab's default capacity (5,000 pods): every name is offered and
 * the forms that read the store answer. How long one Tab takes there is a benchmark
 * (`npm run bench`, section commands), not a timed test.
 */
import { expect, test } from 'vitest';
import { workstationCommandSet } from '../../src/shell/workstation.js';
import { applyCompletion, completeLine } from '../../src/ui/completion/complete-line.js';
import type { CompletionContext } from '../../src/ui/completion/completion-types.js';
import { kubectlHarness } from '../helpers/kubectl-harness.js';

test('Tab over 5,000 pods offers every name', async () => {
  const h = kubectlHarness();
  expect((await h.kubectl('create deployment big --image=nginx --replicas=5000')).code).toBe(0);
  h.advance(5);
  expect(h.cluster.store.count('Pod')).toBe(5000);
  const ctx: CompletionContext = { commandNames: workstationCommandSet().names(), fs: h.fs, store: h.cluster.store, namespace: 'default' };
  const lines = ['kubectl get pods big-', 'kubectl logs b', 'kubectl get pods ', 'kubectl delete pod/big-'];
  const counts = lines.map((line) => completeLine(line, line.length, ctx).candidates.length);
  expect(counts).toEqual([5000, 5000, 5000, 5000]);
  expect(applyCompletion('kubectl logs b', 14, completeLine('kubectl logs b', 14, ctx)).text).toMatch(/^kubectl logs big-[a-z0-9]+-$/);
});
