/** `kubectl run` and `kubectl version` against outputs recorded from the real kubectl v1.32.4. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Pod } from '../../../src/cluster/types.js';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';
import { RECORDED } from './recorded-cases.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/real-kubectl/verbs');
const recorded = (name: string) => readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').split('\n').slice(2).join('\n');

async function matchesRecorded(name: string): Promise<void> {
  const h = kubectlHarness();
  const r = await h.kubectl(RECORDED[name]);
  expect(r.stdout).toBe(recorded(name));
  expect(r.code).toBe(0);
}

describe('run --dry-run=client matches the real kubectl byte for byte', () => {
  const runCases = Object.keys(RECORDED).filter((k) => k.startsWith('run-'));
  test.each(runCases)('%s', matchesRecorded);
});

describe('run', () => {
  test('creates the pod, which starts', async () => {
    const h = kubectlHarness();
    const r = await h.kubectl('run web --image=nginx:1.14 --port=80 --labels=app=web');
    expect(r.output).toBe('pod/web created\n');
    h.advance(60);
    const pod = h.cluster.store.get<Pod>('Pod', 'default', 'web');
    expect(pod.metadata.labels).toEqual({ app: 'web' });
    expect(pod.status?.phase).toBe('Running');
    expect((await h.kubectl('run web --image=nginx')).stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });
  test('flag errors and -it', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('run x')).stderr).toMatch(/^E0819 \S+ +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"image\\" not set"\n$/);
    expect((await h.kubectl('run tmp --image=busybox -it --rm --restart=Never --dry-run=client -o yaml -- sh')).stderr).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    );
    const it = await h.kubectl('run tmp --rm -it --image=busybox --restart=Never -- sh');
    expect(it.code).toBe(1);
    expect(it.stderr).toMatch(/interactive shell .* not available yet/);
    expect(h.cluster.store.find('Pod', 'default', 'tmp')).toBeUndefined();
  });
});

describe('version', () => {
  test('text, client only, json client part as the real v1.32.4', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('version')).stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect((await h.kubectl('version --client')).stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    const json = JSON.parse((await h.kubectl('version -o json')).stdout);
    const real = JSON.parse(recorded('version-json'));
    expect(Object.keys(json)).toEqual(Object.keys(real));
    expect(Object.keys(json.clientVersion)).toEqual(Object.keys(real.clientVersion));
    expect(json.clientVersion.goVersion).toBe(real.clientVersion.goVersion);
    expect((await h.kubectl('version -o jsonx')).stderr).toBe("error: --output must be 'yaml' or 'json'\n");
  });
  test('-o yaml quotes the build date as the real kubectl', async () => {
    const h = kubectlHarness();
    expect((await h.kubectl('version --client -o yaml')).stdout.split('\n').slice(0, 3)).toEqual(['clientVersion:', '  buildDate: "2025-04-22T16:03:51Z"', '  compiler: gc']);
  });
});
