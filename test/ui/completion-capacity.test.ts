/**
 * Tab runs on a keypress: over a cluster of 5,000 pods (kubelab's default capacity) one Tab
 * must stay well under a frame's worth of a human's patience. It reads the store's views, it
 * does not print tables; the bound is loose (a shared CI machine) yet far below what printing
 * `kubectl get pods` for 5,000 pods takes.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { workstationCommandSet } from '../../src/shell/workstation.js';
import { applyCompletion, completeLine } from '../../src/ui/completion/complete-line.js';
import type { CompletionContext } from '../../src/ui/completion/completion-types.js';
import { kubectlHarness } from '../helpers/kubectl-harness.js';

test('one Tab over 5,000 pods takes milliseconds', async () => {
  const h = kubectlHarness();
  expect((await h.kubectl('create deployment big --image=nginx --replicas=5000')).code).toBe(0);
  h.advance(5);
  expect(h.cluster.store.count('Pod')).toBe(5000);
  const ctx: CompletionContext = { commandNames: workstationCommandSet().names(), fs: h.fs, store: h.cluster.store, namespace: 'default' };
  const lines = ['kubectl get pods big-', 'kubectl logs b', 'kubectl get pods ', 'kubectl delete pod/big-'];
  for (const line of lines) completeLine(line, line.length, ctx);
  const started = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) {
    for (const line of lines) applyCompletion(line, line.length, completeLine(line, line.length, ctx));
  }
  const perTab = (performance.now() - started) / (rounds * lines.length);
  expect(completeLine('kubectl get pods big-', 21, ctx).candidates).toHaveLength(5000);
  expect(perTab).toBeLessThan(50);
});
