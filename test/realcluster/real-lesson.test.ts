/**
 * A lesson on a real cluster, headless (`kubelab run --context --lesson`), against `kubelab
 * serve` with the real kubectl (no mocks): the hello-pods reference solution runs with the real
 * shell and kubectl in the lesson's own namespace, checks are read through the API (the look
 * step's traffic check from a probe pod, its noDowntimeOutside from the meter's), the lesson
 * completes, and the namespace is deleted at the end. A namespace of that name kubelab did not
 * make is refused. Skipped where no kubectl is on PATH.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runContextCommand } from '../../src/cli/run-context-command.js';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';
import { builtin, solutionOf, tempDir, writeTree } from '../grade/helpers.js';

const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!HAS_KUBECTL) console.warn('test/realcluster: no kubectl on PATH; the real-cluster lesson tests are skipped');

describe.runIf(HAS_KUBECTL)('kubelab run --context: a lesson on kubelab serve with the real kubectl', () => {
  const cluster = new Cluster({ seed: 2, startMs: DEFAULT_START_MS });
  const dir = tempDir('kubelab-real-lesson-');
  const kubeconfig = join(dir, 'config');
  let serving: Serving;
  let fastForward: ReturnType<typeof setInterval>;

  beforeAll(async () => {
    serving = await serve({ cluster, realTime: false });
    writeKubeconfig(kubeconfig, serving);
    // A real cluster's clock runs by itself; the served one is fast-forwarded (about 100x).
    fastForward = setInterval(() => cluster.advance(500), 5);
  });
  afterAll(async () => {
    clearInterval(fastForward);
    await serving?.close();
  });

  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runContextCommand(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
    return { out, err, code };
  };

  test('the reference solution completes the lesson in its own namespace, which is removed afterwards', async () => {
    const sc = builtin('hello-pods');
    const script = join(writeTree(dir, { 'answer.sh': solutionOf(sc, ['apply', 'look']) }), 'answer.sh');
    const r = await run(['--context', 'kubelab', '--kubeconfig', kubeconfig, '--lesson', 'hello-pods', '--workdir', join(dir, 'work'), script]);
    expect(r.err).toContain('kubelab: lesson "hello-pods" in namespace kubelab-hello-pods of context kubelab');
    // The zero-downtime meter runs from a probe pod of its own, so no check is left out.
    expect(r.err).not.toContain('not checked on a real cluster');
    expect(r.out).toContain('$ kubectl apply -f hello.yaml\ndeployment.apps/hello created\nservice/hello created\n');
    expect(r.out).toMatch(/\$ kubectl get pods --show-labels\nNAME +READY +STATUS/);
    expect(r.err).toContain('kubelab: step "apply" done\n');
    expect(r.err).toContain('kubelab: step "look" done\n');
    expect(r.err).toContain('kubelab: lesson complete\n');
    expect(r.code).toBe(0);
    // The lesson's objects went to its namespace, never to default; the namespace is going away.
    expect(cluster.store.view('Deployment', 'default')).toEqual([]);
    const ns = cluster.store.peek('Namespace', undefined, 'kubelab-hello-pods');
    expect(ns === undefined || ns.metadata.deletionTimestamp !== undefined).toBe(true);
  }, 120_000);

  test('a namespace of that name that kubelab did not make is refused', async () => {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kubelab-canary' } });
    const script = join(writeTree(dir, { 'empty.sh': '' }), 'empty.sh');
    const r = await run(['--context', 'kubelab', '--kubeconfig', kubeconfig, '--lesson', 'canary', script]);
    expect([r.code, r.err]).toEqual([2, 'kubelab run: namespace "kubelab-canary" exists and was not made by kubelab; kubelab will not use it\n']);
  }, 60_000);
});
