/**
 * A ConfigMap's values may hold 1 MiB together (core.MaxSecretSize); past that the API server
 * refuses it with the whole object at fault (wording from kubernetes' own test of
 * writeConfigMap: `ConfigMap "x" is invalid: []: Too long: must have at most 1048576 bytes`).
 */
import { expect, it } from 'vitest';
import { kubectlHarness } from '../helpers/kubectl-harness.js';

it('refuses a ConfigMap over 1 MiB and stores one of exactly 1 MiB', async () => {
  const h = kubectlHarness();
  const over = await h.kubectl(`create configmap big --from-literal=a=${'x'.repeat(1024 * 1024 + 1)}`);
  expect(over.stderr).toBe('error: failed to create configmap: ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes\n');
  expect(over.code).toBe(1);
  expect(h.cluster.store.find('ConfigMap', 'default', 'big')).toBeUndefined();
  const exact = await h.kubectl(`create configmap fits --from-literal=a=${'x'.repeat(1024 * 1024)}`);
  expect(exact.stdout).toBe('configmap/fits created\n');
});
