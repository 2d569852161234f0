/**
 * `kubectl rollout` against the real deployment controller: the seed's stable-env.yaml, its
 * update to 1.15, status lines while rolling, history 1,2 then 2,3 after undo (notes §3).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deployment } from '../../../src/cluster/types.js';
import { applySeed, lessonHarness } from './verb-helpers.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-kubectl/verbs');

describe('rollout without a subcommand', () => {
  test('prints the real help to stdout and exits 1', async () => {
    const h = lessonHarness([]);
    const r = await h.kubectl('rollout');
    expect(r.stdout).toBe(readFileSync(join(FIXTURES, 'rollout-help.txt'), 'utf8'));
    expect(r.code).toBe(1);
  });
  test('an unknown subcommand is a usage error', async () => {
    const h = lessonHarness([]);
    const r = await h.kubectl('rollout foo');
    expect(r.stderr).toBe(`error: unknown command "foo"\nSee 'kubectl rollout -h' for help and examples\n`);
    expect(r.code).toBe(1);
  });
});

describe('rollout on the stable lesson', () => {
  test('history after create: one revision, trailing space and blank line', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout history deployment/nginx-deployment');
    expect(r.stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    expect(r.code).toBe(0);
  });

  test('status when complete', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout status deployment nginx-deployment');
    expect(r.stdout).toBe('deployment "nginx-deployment" successfully rolled out\n');
  });

  test('update: status walks through the rollout lines, history 1,2; undo: history 2,3', async () => {
    const h = lessonHarness(['stable-env.yaml', 'canary-env.yaml']);
    applySeed(h.cluster, 'stable-env-v115.yaml');
    const t0 = h.cluster.clock.now();
    const r = await h.kubectl('rollout status deployment/nginx-deployment');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Waiting for deployment "nginx-deployment" rollout to finish: \d out of 4 new replicas have been updated\.\.\.$/);
    expect(lines).toContain('Waiting for deployment "nginx-deployment" rollout to finish: 1 old replicas are pending termination...');
    expect(lines.at(-1)).toBe('deployment "nginx-deployment" successfully rolled out');
    for (const l of lines) expect(l).toMatch(/^(Waiting for deployment "nginx-deployment" rollout to finish: (\d out of 4 new replicas have been updated|\d old replicas are pending termination|\d of 4 updated replicas are available)\.\.\.|deployment "nginx-deployment" successfully rolled out)$/);
    expect(h.cluster.clock.now()).toBeGreaterThan(t0);

    const hist = await h.kubectl('rollout history deployment/nginx-deployment');
    expect(hist.stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');

    const undo = await h.kubectl('rollout undo deployment/nginx-deployment');
    expect(undo.stdout).toBe('deployment.apps/nginx-deployment rolled back\n');
    const d = h.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment');
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.14');
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'nginx', version: '1.14' });
    await h.kubectl('rollout status deployment/nginx-deployment');
    const after = await h.kubectl('rollout history deployment nginx-deployment');
    expect(after.stdout).toBe('deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');

    const again = await h.kubectl('rollout undo deployment/nginx-deployment --to-revision=3');
    expect(again.stdout).toBe('deployment.apps/nginx-deployment skipped rollback (current template already matches revision 3)\n');
    const missing = await h.kubectl('rollout undo deployment/nginx-deployment --to-revision=5');
    expect(missing.stderr).toBe('error: unable to find specified revision 5 in history\n');
    expect(missing.code).toBe(1);
  });

  test('history --revision prints that revision pod template', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout history deployment/nginx-deployment --revision=1');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['deployment.apps/nginx-deployment with revision #1', 'Pod Template:', expect.stringMatching(/^  Labels:\s+app=nginx$/), expect.stringMatching(/^\s+pod-template-hash=[4-9bcdf]+$/)]);
    const bad = await h.kubectl('rollout history deployment/nginx-deployment --revision=7');
    expect(bad.stderr).toBe('error: unable to find the specified revision\n');
  });

  test('undo with one revision: no rollout history found', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout undo deployment/nginx-deployment');
    expect(r.stderr).toBe('error: no rollout history found for deployment "nginx-deployment"\n');
    expect(r.code).toBe(1);
  });

  test('not found', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout history deployment/nope');
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    const s = await h.kubectl('rollout status deployment/nope');
    expect(s.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    const none = await h.kubectl('rollout status');
    expect(none.stderr).toBe('error: required resource not specified\n');
  });

  test('pause, already paused, undo refused while paused, resume, not paused', async () => {
    const h = lessonHarness();
    expect((await h.kubectl('rollout pause deployment/nginx-deployment')).stdout).toBe('deployment.apps/nginx-deployment paused\n');
    const twice = await h.kubectl('rollout pause deployment/nginx-deployment');
    expect(twice.stderr).toBe('error: deployments.apps "nginx-deployment" is already paused\n');
    expect(twice.code).toBe(1);
    const restart = await h.kubectl('rollout restart deployment/nginx-deployment');
    expect(restart.stderr).toBe(`error: deployments.apps "nginx-deployment" can't restart paused deployment (run rollout resume first)\n`);
    expect((await h.kubectl('rollout resume deployment/nginx-deployment')).stdout).toBe('deployment.apps/nginx-deployment resumed\n');
    expect((await h.kubectl('rollout resume deployment/nginx-deployment')).stderr).toBe('error: deployments.apps "nginx-deployment" is not paused\n');
  });

  test('restart sets restartedAt from the virtual clock and rolls out revision 2', async () => {
    const h = lessonHarness();
    const r = await h.kubectl('rollout restart deployment/nginx-deployment');
    expect(r.stdout).toBe('deployment.apps/nginx-deployment restarted\n');
    const d = h.cluster.store.get<Deployment>('Deployment', 'default', 'nginx-deployment');
    expect(d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(h.cluster.clock.timestamp());
    const again = await h.kubectl('rollout restart deployment/nginx-deployment');
    expect(again.stderr).toBe('error: failed to create patch for nginx-deployment: if restart has already been triggered within the past second, please wait before attempting to trigger another\n');
    const s = await h.kubectl('rollout status deployment/nginx-deployment');
    expect(s.stdout.endsWith('deployment "nginx-deployment" successfully rolled out\n')).toBe(true);
  });

  test('--watch=false prints one line; --timeout times out; --revision mismatch', async () => {
    const h = lessonHarness(['stable-env.yaml', 'canary-env.yaml']);
    applySeed(h.cluster, 'stable-env-v115.yaml');
    const once = await h.kubectl('rollout status deployment/nginx-deployment --watch=false');
    expect(once.stdout.split('\n')).toHaveLength(2);
    expect(once.stdout).toMatch(/^Waiting for deployment "nginx-deployment" rollout to finish: /);
    expect(once.code).toBe(0);
    const short = await h.kubectl('rollout status deployment/nginx-deployment --timeout=1ms');
    expect(short.stderr).toBe('error: timed out waiting for the condition\n');
    expect(short.code).toBe(1);
    const rev = await h.kubectl('rollout status deployment/nginx-deployment --revision=1');
    expect(rev.stderr).toBe('error: desired revision (1) is different from the running revision (2)\n');
  });
});
