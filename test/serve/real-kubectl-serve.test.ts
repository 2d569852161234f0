/**
 * `kubelab serve` with the real kubectl v1.32.4 as the client: the seed lessons' commands run
 * through the real kubectl against a served cluster, and through kubelab's own kubectl
 * against a twin cluster (same seed, same start, same think time); both must print the same.
 * With KUBELAB_RECORD_REAL_KUBECTL=1 the real kubectl's outputs are also written to
 * test/fixtures/real-kubectl/serve/lesson-session.txt (a transcript), which
 * recorded-serve-session.test.ts replays on machines without kubectl.
 * Skipped, with a message, where no kubectl is on PATH.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitWords } from '../../src/cli/split-words.js';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import { formatTranscript, type TranscriptStep } from '../../src/transcript/transcript.js';
import { runKubectl } from '../../src/kubectl/kubectl.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';
import { MemoryFs } from '../../src/workspace/memory-fs.js';

const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!HAS_KUBECTL) console.warn('test/serve: no kubectl on PATH; the real-kubectl serve tests are skipped');

const SEED_DIR = join(import.meta.dirname, '../cluster/admission/fixtures');
const RECORDED_DIR = join(import.meta.dirname, '../fixtures/real-kubectl/serve');
const FILES = ['blue-env.yaml', 'green-env.yaml', 'stable-env.yaml', 'canary-env.yaml', 'stable-env-v115.yaml'];

describe.runIf(HAS_KUBECTL)('kubelab serve with the real kubectl', () => {
  // Virtual time, not the wall clock, so the recording is the same every time (the only
  // ages kubectl computes itself are describe's event ages; these steps show none).
  const start = DEFAULT_START_MS;
  let serving: Serving;
  const twin = new Cluster({ seed: 3, startMs: start });
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-serve-'));
  const kubeconfig = join(dir, 'config');
  const files: Record<string, string> = {};
  for (const f of FILES) {
    files[f] = readFileSync(join(SEED_DIR, f), 'utf8');
    writeFileSync(join(dir, f), files[f]);
  }
  writeFileSync(join(dir, 'patch-green.yaml'), 'spec:\n  selector:\n    color: green\n');
  files['patch-green.yaml'] = 'spec:\n  selector:\n    color: green\n';
  const memfs = new MemoryFs(files);

  beforeAll(async () => {
    serving = await serve({ cluster: new Cluster({ seed: 3, startMs: start }), realTime: false });
    writeKubeconfig(kubeconfig, serving);
  });
  afterAll(async () => serving?.close());

  const real = (line: string) =>
    new Promise<{ out: string; code: number }>((resolve) => {
      execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...splitWords(line)], { cwd: dir }, (err, stdout, stderr) =>
        resolve({ out: stdout + stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
      );
    });
  const ours = async (line: string) => {
    let out = '';
    const code = await runKubectl(splitWords(line), { cluster: twin, fs: memfs, stdout: (t) => (out += t), stderr: (t) => (out += t) });
    return { out, code };
  };

  const steps = [
    'apply -f blue-env.yaml',
    'get pods',
    'describe service test-service',
    'apply -f green-env.yaml',
    'get pods --show-labels',
    'patch service test-service --patch-file patch-green.yaml',
    'describe service test-service',
    'get endpoints test-service -o wide',
    'get deploy,rs,svc',
    'get svc test-service -o yaml',
    'delete deployment test-deployment-blue',
    'scale deployment test-deployment-green --replicas=2',
    'get nope',
    'get pod missing',
    'apply -f stable-env.yaml',
    'apply -f canary-env.yaml',
    'apply -f stable-env-v115.yaml',
    'rollout status deployment/nginx-deployment',
    'rollout history deployment/nginx-deployment',
    'rollout undo deployment/nginx-deployment',
    'rollout history deployment/nginx-deployment',
    'rollout undo deployment/nginx-deployment --to-revision=2',
    'rollout status deployment/nginx-deployment',
    'rollout history deployment/nginx-deployment',
    'rollout history deployment/nginx-deployment --revision=3',
    'get rs -o wide',
    'logs deploy/nginx-deployment',
    'label deployment nginx-deployment tier=web',
    'label deployment nginx-deployment tier=api',
    'annotate service nginx-service note=hello',
    'get deploy --show-labels -L tier',
    'set image deployment/nginx-deployment nginx=nginx:1.17',
    'rollout status deployment/nginx-deployment',
    'get rs',
    'expose deployment nginx-deployment --name=web --port=8080 --target-port=80',
    'get svc web -o yaml',
    'describe service web',
    'describe configmap stable-html',
    'get endpointslices',
    'get endpoints',
    'explain deployment.spec.strategy',
    'wait --for=condition=Available deployment/nginx-deployment --timeout=30s',
    'get pods -o jsonpath={.items[*].metadata.labels.version}',
    'get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image --sort-by=.metadata.name',
    'get nodes -o wide',
    'scale deployment nginx-deployment --replicas=2',
    'get deploy nginx-deployment -o name',
    'delete service web',
    'delete -f canary-env.yaml',
  ];

  it('prints what kubelab prints, command by command', async () => {
    const mismatches: string[] = [];
    const recorded: TranscriptStep[] = [];
    for (const line of steps) {
      serving.cluster.advance(10_000);
      twin.advance(10_000);
      // uids differ: the served cluster runs its controllers after each request, kubelab's
      // kubectl after each command, so `apply` of two objects creates the first one's pods and
      // events before the second object here and after it there, and each draws the next uid
      // of the seeded stream. Everything else must match.
      const mask = (r: { out: string; code: number }) => ({ ...r, out: r.out.replace(/uid: [0-9a-f-]{36}/g, 'uid: <uid>') });
      const a = mask(await real(line));
      const b = mask(await ours(line));
      recorded.push({ command: `kubectl ${line}`, output: a.out, exit: a.code });
      if (a.out !== b.out || a.code !== b.code) mismatches.push(`$ kubectl ${line}\n--- real kubectl (exit ${a.code})\n${a.out}--- kubelab (exit ${b.code})\n${b.out}`);
    }
    if (process.env.KUBELAB_RECORD_REAL_KUBECTL === '1') {
      const header = [
        '# Recorded from the real kubectl v1.32.4 against `kubelab serve` (seed 3, virtual start',
        '# 2025-08-19T09:00:00Z, 10 s of virtual time before each command), uids masked.',
        '# Re-record: KUBELAB_RECORD_REAL_KUBECTL=1 npx vitest run test/serve/real-kubectl-serve.test.ts',
        '@seed 3',
      ];
      mkdirSync(RECORDED_DIR, { recursive: true });
      writeFileSync(join(RECORDED_DIR, 'lesson-session.txt'), formatTranscript({ header, seed: '3', steps: recorded, files }));
    }
    expect(mismatches.join('\n')).toBe('');
  }, 120_000);
});
