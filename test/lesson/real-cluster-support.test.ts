/**
 * Every check kind declares whether it works on a real cluster, in a lesson and in end-state
 * grading; `kubelab validate --real-cluster` lists a scenario's checks that do not, and plain
 * `validate` output is unchanged.
 */
import { expect, test } from 'vitest';
import { validateCommand } from '../../src/cli/validate-command.js';
import { realClusterGaps, REAL_CLUSTER_SUPPORT, worksOnRealCluster } from '../../src/lesson/real-cluster-support.js';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';

test('object and traffic checks work everywhere; ran, file and the meter only in a lesson', () => {
  for (const k of ['exists', 'absent', 'field', 'selector', 'endpoints', 'deployment', 'traffic'] as const) expect(REAL_CLUSTER_SUPPORT[k]).toMatchObject({ lesson: true, endState: true });
  expect(worksOnRealCluster({ ran: '^kubectl' }, 'lesson')).toBe(true);
  expect(worksOnRealCluster({ ran: '^kubectl' }, 'endState')).toBe(false);
  expect(worksOnRealCluster({ any: [{ exists: { kind: 'svc', name: 'a' } }, { noDowntime: true }] }, 'lesson')).toBe(true);
  expect(worksOnRealCluster({ any: [{ exists: { kind: 'svc', name: 'a' } }, { noDowntime: true }] }, 'endState')).toBe(false);
  expect(worksOnRealCluster({ not: { absent: { kind: 'deploy', name: 'a' } } }, 'endState')).toBe(true);
});

test('the gaps of the canary lesson, branch conditions included', () => {
  const canary = resolveScenario('canary').result.scenario!;
  const gaps = realClusterGaps(canary);
  expect(gaps.filter((g) => g.mode === 'lesson')).toEqual([]);
  expect(gaps.filter((g) => g.kind === 'noDowntimeOutside').map((g) => `${g.mode} ${g.step} ${g.where}`)).toEqual([
    'endState promote checks[0]',
    'endState undo checks[0]',
    'endState finish-rollout checks[0]',
    'endState pull-back checks[0]',
  ]);
  expect(gaps.some((g) => g.where.startsWith('next'))).toBe(false);
});

test('kubelab validate --real-cluster prints the gaps after "ok"; without the flag nothing changes', async () => {
  let out = '';
  const io = { stdout: (t: string) => void (out += t), stderr: () => {} };
  expect(await validateCommand(['--no-solutions', '--real-cluster', 'scenarios/hello-pods.yaml'], io)).toBe(0);
  expect(out.split('\n')).toEqual([
    'scenarios/hello-pods.yaml: ok',
    'scenarios/hello-pods.yaml: step "look" checks[0] (ran) works in a lesson on a real cluster but not in kubelab grade --context: a live cluster does not know which commands were run',
    'scenarios/hello-pods.yaml: step "look" checks[2] (noDowntimeOutside) works in a lesson on a real cluster but not in kubelab grade --context: a live cluster does not know what downtime there was before it is graded',
    '',
  ]);
  out = '';
  expect(await validateCommand(['--no-solutions', 'scenarios/hello-pods.yaml'], io)).toBe(0);
  expect(out).toBe('scenarios/hello-pods.yaml: ok\n');
});
