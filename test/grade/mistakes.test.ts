/**
 * Hidden mistakes fail the right steps with reasons a student can act on; the reference
 * solutions (and the canary's other branch) pass.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gradeSubmissionPath } from '../../src/lesson/grade/grade-submission.js';
import type { SubmissionReport } from '../../src/lesson/grade/report-types.js';
import { builtin, referenceScript, solutionOf, tempDir, writeTree } from './helpers.js';

async function grade(id: string, script: string): Promise<SubmissionReport> {
  const dir = writeTree(tempDir(), { 'answer.sh': script });
  return gradeSubmissionPath(builtin(id), join(dir, 'answer.sh'), {}, 'answer.sh');
}

function statuses(r: SubmissionReport): Record<string, string> {
  return Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
}

function reasonOf(r: SubmissionReport, step: string): string {
  return r.steps.find((s) => s.id === step)!.reason.en;
}

describe('reference solutions pass their own grading', () => {
  test.each(['hello-pods', 'blue-green', 'canary', 'rolling-update'])('%s', async (id) => {
    const r = await grade(id, await referenceScript(builtin(id)));
    expect(r.steps.filter((s) => s.status !== 'passed' && s.status !== 'not-taken')).toEqual([]);
    expect(r.status).toBe('passed');
    expect(r.score).toBe(r.maxScore);
  });

  test('canary: pulling the canary back is the other branch, and passes too', async () => {
    const sc = builtin('canary');
    const r = await grade('canary', solutionOf(sc, ['stable', 'canary', 'traffic', 'pull-back', 'cleanup']));
    expect(statuses(r)).toEqual({
      stable: 'passed', canary: 'passed', traffic: 'passed', decide: 'passed',
      promote: 'not-taken', undo: 'not-taken', 'finish-rollout': 'not-taken', 'pull-back': 'passed', cleanup: 'passed',
    });
    expect(r.status).toBe('passed');
    expect(r.maxScore).toBe(6);
  });
});

describe('blue-green mistakes', () => {
  const sc = builtin('blue-green');
  const upToGreen = () => solutionOf(sc, ['blue', 'find-port']);

  test('switching the selector before green is ready fails the switch step with downtime', async () => {
    const script =
      upToGreen() +
      'kubectl apply -f green-env.yaml && kubectl patch service test-service --patch-file patch-green.yaml\n' +
      'kubectl rollout status deployment/test-deployment-green\nkubectl get pods --show-labels\n' +
      solutionOf(sc, ['retire-blue', 'cleanup']);
    const r = await grade('blue-green', script);
    expect(statuses(r)).toMatchObject({ blue: 'passed', 'find-port': 'passed', green: 'passed', switch: 'failed', 'retire-blue': 'passed', cleanup: 'passed' });
    expect(reasonOf(r, 'switch')).toMatch(/^Users saw about \d+s of downtime.*\(no ready endpoint\)\. The first failed request came after `kubectl apply -f green-env.yaml && kubectl patch service test-service/);
    expect(r.status).toBe('failed');
  });

  test('patching the wrong Service leaves the selector on blue', async () => {
    const script = upToGreen() + solutionOf(sc, ['green']) + 'kubectl patch service nginx-service --patch-file patch-green.yaml\n' + solutionOf(sc, ['retire-blue', 'cleanup']);
    const r = await grade('blue-green', script);
    expect(statuses(r)).toMatchObject({ green: 'passed', switch: 'failed', 'retire-blue': 'failed', cleanup: 'passed' });
    expect(reasonOf(r, 'switch')).toBe('Service "test-service" has the selector app=test-pod,color=blue; expected app=test-pod,color=green.');
  });

  test('deleting blue before switching is downtime', async () => {
    const script = upToGreen() + solutionOf(sc, ['green', 'retire-blue', 'switch', 'cleanup']);
    const r = await grade('blue-green', script);
    expect(statuses(r).switch).toBe('failed');
    expect(reasonOf(r, 'switch')).toMatch(/^Users saw about \d+s of downtime.*no ready endpoint.*The first failed request came after `kubectl delete deployment test-deployment-blue`\.$/);
  });

  test('never fixing the port fails find-port with the targetPort', async () => {
    const script = solutionOf(sc, ['blue']) + 'kubectl run tmp --rm -it --image=busybox --restart=Never -- sh\nwget -qO- http://test-service\nexit\n' + solutionOf(sc, ['green', 'switch', 'retire-blue', 'cleanup']);
    const r = await grade('blue-green', script);
    expect(statuses(r)['find-port']).toBe('failed');
    expect(reasonOf(r, 'find-port')).toContain('targetPort');
  });
});

describe('canary and rolling-update mistakes', () => {
  test('a canary Deployment with the wrong labels is not behind the Service: the traffic check fails', async () => {
    const sc = builtin('canary');
    const wrong = sc.files!['canary-env.yaml'].replace(/app: nginx\n/g, 'app: nginx-canary\n');
    const script = solutionOf(sc, ['stable']) + `cat > canary-env.yaml <<'EOF'\n${wrong}EOF\n` + solutionOf(sc, ['canary', 'traffic', 'pull-back', 'cleanup']);
    const r = await grade('canary', script);
    expect(statuses(r)).toMatchObject({ stable: 'passed', canary: 'passed', traffic: 'failed' });
    expect(reasonOf(r, 'traffic')).toMatch(/Hello from Canary/);
    expect(r.status).toBe('failed');
  });

  test('a bad-image rollout never undone fails the undo step with the image it still runs', async () => {
    const sc = builtin('rolling-update');
    const r = await grade('rolling-update', solutionOf(sc, ['deploy', 'update', 'bad-image', 'cleanup']));
    expect(statuses(r)).toMatchObject({ deploy: 'passed', update: 'passed', 'bad-image': 'passed', undo: 'failed', cleanup: 'passed' });
    expect(reasonOf(r, 'undo')).toContain('nginx:1.155');
  });
});
