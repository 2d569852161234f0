/**
 * `kubelab grade --context` against `kubelab serve` (the same API a real cluster has; no mocks):
 * the blue/green reference solution is replayed into the served cluster step by step, and after
 * each step the state is graded twice: through the API (kubeconfig, context, HTTPS, snapshot,
 * the traffic check sent by a busybox probe pod over exec) and from the same cluster's store in
 * memory (the traffic check through the simulator's side network). The two reports must be the same bytes, passing
 * and failing alike. Also: the Kubernetes client stays out of the default import graph, and a
 * cluster that cannot be read is one sentence and exit status 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeCommand } from '../../src/cli/grade-command.js';
import { LIVE_SEED } from '../../src/cli/grade-context-command.js';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { MemoryClusterReader, MemoryTrafficSampler } from '../../src/lesson/cluster-reader.js';
import { gradeEndState } from '../../src/lesson/grade/grade-end-state.js';
import { formatJson, formatText } from '../../src/lesson/grade/format-report.js';
import { batchReport } from '../../src/lesson/grade/report-types.js';
import { lessonNamespace, liveName, stateContext } from '../../src/realcluster/grade-live.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';
import { runSession } from '../../src/session/run-session.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';
import { builtin, grade, solutionOf, tempDir } from '../grade/helpers.js';
import { schemaProblems } from '../grade/schema-check.js';

const SCHEMA = JSON.parse(readFileSync('docs/schemas/grade-report.schema.json', 'utf8'));


describe('grading through the API equals grading in memory', () => {
  const scenario = builtin('blue-green');
  const cluster = new Cluster({ seed: 1, startMs: DEFAULT_START_MS });
  const fs = new MemoryFs(scenario.files ?? {});
  const kubeconfig = join(tempDir('kubelab-live-'), 'config');
  let serving: Serving;
  const play = async (steps: string[]) => {
    const lines = solutionOf(scenario, steps).trimEnd().split('\n');
    await runSession(lines, { cluster, fs, stdout: () => {}, stderr: () => {} });
  };
  /** The report of `--step step` in memory, and through the API with the CLI. */
  const both = async (step: string | undefined, format: 'json' | 'text' = 'json') => {
    const outcome = gradeEndState(scenario, stateContext(new MemoryClusterReader(cluster.store), new MemoryTrafficSampler(cluster)), { name: liveName('kubelab', 'default'), step });
    if (!outcome.ok) throw new Error(outcome.problem);
    const report = batchReport(scenario, LIVE_SEED, [outcome.report]);
    const memory = format === 'json' ? formatJson(report) : formatText(report);
    // The served cluster's clock is stepped by the test: fast-forward it while the API path waits
    // for its traffic probe pod (a real cluster's clock just runs).
    const fastForward = setInterval(() => cluster.advance(500), 5);
    try {
      const api = await grade(['--context', 'kubelab', '--kubeconfig', kubeconfig, '--namespace', 'default', ...(step ? ['--step', step] : []), '--format', format, 'blue-green']);
      return { memory, api, report };
    } finally {
      clearInterval(fastForward);
    }
  };

  beforeAll(async () => {
    serving = await serve({ cluster, realTime: false });
    writeKubeconfig(kubeconfig, serving);
  });
  afterAll(async () => serving?.close());

  test('step by step through the reference solution, passing and failing', async () => {
    // Before anything: the first step fails (nothing exists), the same way through both.
    let r = await both('blue');
    expect(r.api.err).toBe('');
    expect(r.api.out).toBe(r.memory);
    expect(r.api.code).toBe(1);
    expect(r.report.submissions[0].steps[0].reason.en).toBe('Deployment "test-deployment-blue" does not exist.');
    for (const step of ['blue', 'find-port', 'green', 'switch']) {
      await play([step]);
      r = await both(step);
      expect(r.api.out).toBe(r.memory);
      expect(r.api.code).toBe(0);
      expect(r.report.submissions[0].status).toBe('passed');
    }
    const traffic = await both('find-port');
    expect(traffic.api.out).toBe(traffic.memory);
    expect(schemaProblems(JSON.parse(traffic.api.out), SCHEMA)).toEqual([]);
    expect(traffic.report.submissions[0].steps[1].reason.en).toContain('50 of 50 requests to http://test-service.default:80/ (100%) answered with a body matching /Welcome to nginx/.');
    // The probe pod is gone again.
    expect(cluster.store.view('Pod', 'default').filter((p) => p.metadata.name!.startsWith('kubelab-traffic-') && !p.metadata.deletionTimestamp)).toEqual([]);
    // After the switch, the blue step's selector check no longer holds: same failure both ways.
    r = await both('blue', 'text');
    expect(r.api.out).toBe(r.memory);
    expect(r.memory).toContain('Service "test-service" has the selector app=test-pod,color=green; expected app=test-pod,color=blue.');
    expect(r.memory).toContain('note: 1 check(s) of step "blue" were not graded: a cluster\'s state cannot show them (ran).');
    expect(r.api.code).toBe(1);
  }, 120_000);

  test('after the whole solution, the default step is the last of the path (cleanup), and it holds', async () => {
    await play(['retire-blue', 'cleanup']);
    const r = await both(undefined);
    expect(r.api.out).toBe(r.memory);
    expect(JSON.parse(r.api.out).submissions[0].steps.map((s: { status: string }) => s.status)).toEqual(['not-taken', 'not-taken', 'not-taken', 'not-taken', 'not-taken', 'passed']);
    expect(r.api.code).toBe(0);
  }, 60_000);

  test('a missing namespace, an unknown context, an unknown step: one sentence each, exit 2', async () => {
    let r = await grade(['--context', 'kubelab', '--kubeconfig', kubeconfig, 'blue-green']);
    expect([r.code, r.err]).toEqual([2, `kubelab grade: namespace "${lessonNamespace('blue-green')}" does not exist on context "kubelab" (lessons run in kubelab-blue-green; another one with --namespace)\n`]);
    r = await grade(['--context', 'kind-kind', '--kubeconfig', kubeconfig, 'blue-green']);
    expect([r.code, r.err]).toEqual([2, 'kubelab grade: context "kind-kind" not found; the kubeconfig has "kubelab"\n']);
    r = await grade(['--context', 'kubelab', '--kubeconfig', kubeconfig, '--namespace', 'default', '--step', 'nope', 'blue-green']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kubelab grade: the scenario "blue-green" has no step "nope"; its steps: blue, find-port/);
  });
});

test('a server that is not there: exit 2 with the reason, no stack trace', async () => {
  const dir = tempDir('kubelab-live-');
  const file = join(dir, 'config');
  writeFileSync(
    file,
    'apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: gone\n  context:\n    cluster: gone\n    user: u\ncurrent-context: gone\nusers:\n- name: u\n  user:\n    token: x\n',
  );
  let err = '';
  const code = await gradeCommand(['--context', 'gone', '--kubeconfig', file, 'hello-pods'], { stdout: () => {}, stderr: (t) => void (err += t) });
  expect(code).toBe(2);
  expect(err).toMatch(/^kubelab grade: cannot reach the API server https:\/\/127\.0\.0\.1:1 \(context "gone"\): .*ECONNREFUSED.*\n$/);
});

test('the Kubernetes client is not in the static import graph of kubelab grade', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'|^import '([^']+)'/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(resolve('src/cli/main.ts'));
  visit(resolve('src/cli/grade-command.ts'));
  expect(seen.has(resolve('src/lesson/grade/worker-pool.ts'))).toBe(true);
  expect(seen.has(resolve('src/realcluster/kube-api.ts'))).toBe(false);
  expect([...packages].filter((p) => p.startsWith('@kubernetes/'))).toEqual([]);
});
