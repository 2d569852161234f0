/**
 * `kubelab lesson ID --context NAME`: the arguments that do not go with a real cluster are
 * refused plainly, and without a terminal it says to use `kubelab run --context` (the screen
 * itself is tested in test/realcluster/real-lesson-screen.test.ts).
 */
import { afterEach, expect, test, vi } from 'vitest';
import { lessonCommand } from '../../src/cli/lesson-command.js';
import { CliUsageError } from '../../src/cli/usage.js';

afterEach(() => vi.restoreAllMocks());

test('--seed has no meaning on a real cluster; --kubeconfig needs --context; the picker takes no --context', async () => {
  await expect(lessonCommand(['hello-pods', '--context', 'kind-kind', '--seed', '3'])).rejects.toThrow(new CliUsageError('--seed has no meaning on a real cluster: its names and addresses are its own'));
  await expect(lessonCommand(['hello-pods', '--kubeconfig', 'k.yaml'])).rejects.toThrow(new CliUsageError('--kubeconfig goes with --context NAME (a lesson on a real cluster)'));
  await expect(lessonCommand(['--context', 'kind-kind'], true)).rejects.toThrow(CliUsageError);
});

test('without a terminal it points at kubelab run --context and exits 2, before touching the cluster', async () => {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  const code = await lessonCommand(['hello-pods', '--context', 'no-such-context', '--kubeconfig', '/nonexistent/config']);
  expect([code, err]).toEqual([2, 'kubelab: the lesson screen needs a terminal; to run a lesson on a real cluster from a script, use "kubelab run --context NAME --lesson ID SCRIPT".\n']);
});
